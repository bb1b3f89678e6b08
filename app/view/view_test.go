//go:build !(js && wasm)

package view

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/content"
	"unknot/app/journal"
	"unknot/data"
	"unknot/wasm/browser"
)

func testEnv(t *testing.T, b *browser.Browser) *Env {
	t.Helper()
	c, err := content.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	return NewEnv(c, "en", "", b, &journal.Memory{})
}

// render loads c in a test engine and returns its HTML.
func render(t *testing.T, c app.Composer) string {
	t.Helper()
	e := app.NewTestEngine()
	if err := e.Load(c); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	return app.HTMLString(c)
}

var missingKey = regexp.MustCompile(`\[[a-z_]+\.[a-zA-Z0-9_.]+\]`)

func TestEveryPageRendersWithoutMissingWords(t *testing.T) {
	env := testEnv(t, browser.New())
	for _, p := range pages {
		html := render(t, p.new(env))
		if m := missingKey.FindString(html); m != "" {
			t.Errorf("%s shows the missing key %s", p.path, m)
		}
		if !strings.Contains(html, `class="tabbar"`) {
			t.Errorf("%s has no bottom navigation", p.path)
		}
	}
	if m := missingKey.FindString(render(t, &notFoundPage{Env: env})); m != "" {
		t.Errorf("not-found page shows the missing key %s", m)
	}
}

// TestTextKeysInCodeExist finds every literal key passed to T, Format and
// the helpers that take keys, and checks the English words exist.
func TestTextKeysInCodeExist(t *testing.T) {
	env := testEnv(t, browser.New())
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	checked := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			switch sel.Sel.Name {
			case "T", "Format", "setTitle", "card", "para", "paraID", "link", "option", "section", "h1", "h2", "h3", "legend", "li", "span", "label":
			default:
				return true
			}
			for _, arg := range call.Args {
				lit, ok := arg.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					continue
				}
				key, _ := strconv.Unquote(lit.Value)
				if key == "" || !strings.Contains(key, ".") || strings.HasSuffix(key, ".") {
					continue
				}
				checked++
				if !env.Text.Has(key) {
					t.Errorf("%s: key %q has no English text", fset.Position(lit.Pos()), key)
				}
			}
			return true
		})
	}
	if checked < 20 {
		t.Fatalf("checked only %d keys; the scan is broken", checked)
	}
}

func TestHomeLeadsWithTheTitle(t *testing.T) {
	env := testEnv(t, browser.New())
	home := &homePage{Env: env}
	e := app.NewTestEngine()
	if err := e.Load(home); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	// layout: skip link, top bar, update banner, main; main's first child is the h1.
	if err := app.Match(app.H1().Class("home-title").Text(env.T("home.title")), home, 0, 3, 0); err != nil {
		t.Error(err)
	}
	if err := app.Match(app.A().Class("skip-link").Href("#main").Text(env.T("nav.skip")), home, 0, 0); err != nil {
		t.Error(err)
	}
}

func TestSettingsAreSavedAndApplied(t *testing.T) {
	b := browser.New()
	env := testEnv(t, b)
	p := &settingsPage{Env: env}
	p.save(func(s *Settings) { s.Theme = "dark"; s.TextSize = "larger"; s.Voice = false })
	if p.statusErr || p.status != "settings.saved" {
		t.Fatalf("status = %q (error %v); want settings.saved", p.status, p.statusErr)
	}
	if got := b.RootAttribute("data-theme"); got != "dark" {
		t.Errorf("data-theme = %q; want dark", got)
	}
	// A new page load reads them back.
	again := testEnv(t, b)
	if got := again.Settings.Current; got.Theme != "dark" || got.TextSize != "larger" || got.Voice {
		t.Errorf("reloaded settings = %+v", got)
	}
}

func TestSettingsSaveFailureKeepsWhatWasThere(t *testing.T) {
	b := browser.New()
	env := testEnv(t, b)
	b.Full = true
	p := &settingsPage{Env: env}
	p.save(func(s *Settings) { s.Theme = "dark" })
	if !p.statusErr || p.status != "settings.save_error" {
		t.Fatalf("status = %q (error %v); want settings.save_error", p.status, p.statusErr)
	}
	if env.Settings.Current.Theme != "system" {
		t.Errorf("theme = %q after a failed save; want system", env.Settings.Current.Theme)
	}
	if got := b.RootAttribute("data-theme"); got != "system" {
		t.Errorf("data-theme = %q after a failed save; want system", got)
	}
	if html := render(t, p); !strings.Contains(html, env.T("settings.save_error")) {
		t.Error("the failed save is not shown")
	}
}

func TestCorruptSettingsFallBackToDefaults(t *testing.T) {
	for name, raw := range map[string]string{
		"not json":      `{"theme":`,
		"unknown theme": `{"theme":"purple","text_size":"normal"}`,
		"bad country":   `{"theme":"dark","text_size":"normal","country":"Britain"}`,
	} {
		t.Run(name, func(t *testing.T) {
			b := browser.New()
			b.Set(settingsKey, raw)
			env := testEnv(t, b)
			if env.Settings.LoadErr == nil {
				t.Fatal("no load error")
			}
			if env.Settings.Current != DefaultSettings() {
				t.Errorf("settings = %+v; want defaults", env.Settings.Current)
			}
			if html := render(t, &settingsPage{Env: env}); !strings.Contains(html, env.T("settings.load_error")) {
				t.Error("the load problem is not shown")
			}
		})
	}
}

func TestHrefUnderABasePath(t *testing.T) {
	for _, tc := range []struct{ base, path, want string }{
		{"", "/", "/"},
		{"", "/about", "/about"},
		{"/", "/about", "/about"},
		{"/back-care/", "/", "/back-care/"},
		{"back-care", "/about", "/back-care/about"},
	} {
		env := &Env{}
		env.Base = NewEnvBase(tc.base)
		if got := env.Href(tc.path); got != tc.want {
			t.Errorf("base %q: Href(%q) = %q; want %q", tc.base, tc.path, got, tc.want)
		}
	}
}

// The settings page offers every country that has a name, sorted by the
// name a person reads, and nothing else that shares the key prefix.
func TestCountryCodesAreEveryNamedCountrySortedByName(t *testing.T) {
	env := testEnv(t, browser.New())
	codes := countryCodes(env)
	want := 0
	for _, k := range env.Text.KeysWithPrefix("country.") {
		if isCountryCode(strings.TrimPrefix(k, "country.")) {
			want++
		}
	}
	if len(codes) != want || want < 30 {
		t.Fatalf("countryCodes gave %d codes; want the %d named countries", len(codes), want)
	}
	for i, c := range codes {
		if !isCountryCode(c) {
			t.Errorf("%q is not a country code", c)
		}
		if i > 0 && env.T("country."+codes[i-1]) > env.T("country."+c) {
			t.Errorf("%s comes before %s; want sorted by name", codes[i-1], c)
		}
	}
}

// Settings' country list, written as HTML in one piece, chooses the saved
// country, names every country in the person's language, and is written
// again for another language or a country saved elsewhere, not at every
// render.
func TestSettingsCountryList(t *testing.T) {
	env := testEnv(t, browser.New())
	if err := env.Settings.Save(Settings{Theme: "system", TextSize: "normal", Country: "AU"}); err != nil {
		t.Fatal(err)
	}
	p := &settingsPage{Env: env}
	html := render(t, p)
	selected := regexp.MustCompile(`<option value="([A-Z]*)" selected>`).FindAllStringSubmatch(html, -1)
	if len(selected) != 1 || selected[0][1] != "AU" {
		t.Errorf("chosen options %q; want Australia's alone", selected)
	}
	if n := strings.Count(html, "<option value="); n != len(countryCodes(env))+1 {
		t.Errorf("%d options; want every country and the automatic choice", n)
	}
	if !strings.Contains(html, ">"+htmlEscape(env.T("country.AU"))+"</option>") {
		t.Error("Australia is not named in the list")
	}
	// The page built again, with the list it had.
	again := func() (string, *settingsPage) {
		q := &settingsPage{Env: env, countries: p.countries}
		return render(t, q), q
	}
	// The person chose New Zealand in the list, which shows it already.
	p.countries.shown = "NZ"
	env.Settings.Current.Country = "NZ"
	if _, q := again(); q.countries.html != p.countries.html {
		t.Error("the list was written again though nothing it shows changed")
	}
	// A country saved elsewhere (another tab) is shown.
	env.Settings.Current.Country = "IE"
	if html, _ := again(); !strings.Contains(html, `<option value="IE" selected>`) {
		t.Error("a country saved elsewhere is not chosen in the list")
	}
	env.Settings.Current.Language = "de"
	env.ApplyLanguage()
	if html, _ := again(); !strings.Contains(html, ">"+htmlEscape(env.T("country.DE"))+"</option>") || env.Lang != "de" {
		t.Error("the list is not in German after choosing German")
	}
}
