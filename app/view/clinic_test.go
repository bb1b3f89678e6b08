//go:build !(js && wasm)

package view

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/clinic"
	"unknot/wasm/browser"
)

var testClinic = clinic.Config{Name: "Riverside Physio", Accent: "#0f766e", Phone: "+44 20 7946 0958",
	BookingURL: "https://riverside.example/book", Country: "GB", Featured: []string{"quick_relief"}}

func TestResolveClinic(t *testing.T) {
	baked := clinic.Encode(testClinic)
	other := clinic.Encode(clinic.Config{Name: "Elsewhere"})
	for _, tc := range []struct {
		name                 string
		baked, query, frag   string
		framed               bool
		wantName             string
		wantEmbed, wantBaked bool
		wantProblem          bool
	}{
		{"plain page", "", "", "", false, "", false, false, false},
		{"embed query", "", "embed=1", "", false, "", true, false, false},
		{"framed with a clinic", "", "embed=1", "clinic=" + baked, true, "Riverside Physio", true, false, false},
		{"framed, other fragment parameters", "", "", "r=abc&clinic=" + baked, true, "Riverside Physio", true, false, false},
		{"top level ignores the fragment", "", "embed=1", "clinic=" + baked, false, "", true, false, false},
		{"baked wins over the fragment", baked, "", "clinic=" + other, true, "Riverside Physio", true, true, false},
		{"baked, top level", baked, "", "", false, "Riverside Physio", false, true, false},
		{"damaged fragment", "", "", "clinic=%%%", true, "", true, false, true},
		{"invalid configuration", "", "", "clinic=" + clinic.Encode(clinic.Config{Name: "X", BookingURL: "http://x.example"}), true, "", true, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := ResolveClinic(tc.baked, tc.query, tc.frag, tc.framed)
			name := ""
			if m.Config != nil {
				name = m.Config.Name
			}
			if name != tc.wantName || m.Embed != tc.wantEmbed || m.Baked != tc.wantBaked || (m.Problem != "") != tc.wantProblem {
				t.Errorf("got name %q embed %v baked %v problem %q; want %q %v %v problem %v", name, m.Embed, m.Baked, m.Problem, tc.wantName, tc.wantEmbed, tc.wantBaked, tc.wantProblem)
			}
		})
	}
}

// TestClinicFragmentSurvivesAReload: inside a frame, the clinic fragment the
// frame was opened with is remembered, and a later address without one (a
// reload after moving to another page) gets it back; a new clinic fragment
// replaces it; a top-level page never uses or keeps one.
func TestClinicFragmentSurvivesAReload(t *testing.T) {
	first := "clinic=" + clinic.Encode(testClinic)
	second := "clinic=" + clinic.Encode(clinic.Config{Name: "Elsewhere"})
	frame := browser.NewFrame()
	steps := []struct {
		name, fragment string
		framed         bool
		want           string
	}{
		{"opened with a clinic", first, true, first},
		{"reloaded on another page", "", true, first},
		{"a page's own fragment is not a clinic", "step-2", true, first},
		{"opened again with another clinic", second, true, second},
		{"a broken configuration is kept, to stay reported", "clinic=%%%", true, "clinic=%%%"},
		{"reloaded after the broken one", "", true, "clinic=%%%"},
	}
	for _, s := range steps {
		if got := ClinicFragment(s.fragment, s.framed, frame); got != s.want {
			t.Errorf("%s: ClinicFragment(%q) = %q; want %q", s.name, s.fragment, got, s.want)
		}
	}

	top := browser.NewFrame()
	top.Remembered = first
	if got := ClinicFragment("", false, top); got != "" {
		t.Errorf("top-level page: got %q; want its own empty fragment", got)
	}
	if got := ClinicFragment(second, false, top); got != second || top.Remembered != first {
		t.Errorf("top-level page: got %q and remembered %q; want its own fragment and nothing kept", got, top.Remembered)
	}
	fresh := browser.NewFrame()
	if got := ClinicFragment("", true, fresh); got != "" {
		t.Errorf("framed page with nothing remembered: got %q; want \"\"", got)
	}
}

func TestEmbedHeader(t *testing.T) {
	b := browser.New()
	b.Framed = true
	env := testEnv(t, b)
	frame := browser.NewFrame()
	frame.OriginString = "https://back.example.org"
	c := testClinic
	env.Clinic = ClinicMode{Config: &c, Embed: true, Frame: frame}
	env.ApplyClinic()
	page := render(t, &homePage{Env: env})
	for _, want := range []string{
		`<p class="clinic-name">Riverside Physio</p>`,
		html.EscapeString(env.Text.Format("clinic.embed.storage", "clinic", "Riverside Physio")),
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the embed lacks %s", want)
		}
	}
	for _, tc := range []struct{ tag, want string }{
		{`href="tel:+442079460958"`, `class="clinic-phone"`},
		{`href="https://riverside.example/book"`, `target="_blank"`},
		{`href="https://riverside.example/book"`, `rel="noopener noreferrer"`},
		{`href="/routines/quick_relief"`, `href`},
		{`href="https://back.example.org/"`, `target="_blank"`},
		{`class="app clinic-branded app-embed"`, `class`},
	} {
		if tag := tagWith(page, tc.tag); !strings.Contains(tag, tc.want) {
			t.Errorf("tag with %s is %q; want %s in it", tc.tag, tag, tc.want)
		}
	}
	html := page
	if strings.Contains(html, "install-slot") {
		t.Error("the embed offers to install")
	}
	if strings.Contains(html, "style=") {
		t.Error("the embed has a style attribute, which the Content-Security-Policy forbids")
	}
	if b.RootAttribute("data-embed") != "true" || frame.Accent != "#0f766e" || !frame.Reporting {
		t.Errorf("data-embed %q, accent %q, reporting %v; want true, #0f766e, true", b.RootAttribute("data-embed"), frame.Accent, frame.Reporting)
	}
}

func TestClinicTextIsNeverMarkup(t *testing.T) {
	env := testEnv(t, browser.New())
	c := clinic.Config{Name: `<img src=x onerror=alert(1)>"&`}
	env.Clinic = ClinicMode{Config: &c, Embed: true}
	page := render(t, &aboutPage{Env: env})
	if strings.Contains(page, "<img src=x") || !strings.Contains(page, "&lt;img src=x onerror=alert(1)&gt;") {
		t.Error("the clinic's name was not escaped")
	}
}

func TestNoClinicNoBanner(t *testing.T) {
	env := testEnv(t, browser.New())
	if html := render(t, &homePage{Env: env}); strings.Contains(html, "clinic-bar") || !strings.Contains(html, "install-slot") {
		t.Error("a plain page shows a clinic banner or lacks the install control")
	}
}

func TestClinicFormNamesTheField(t *testing.T) {
	env := testEnv(t, browser.New())
	p := &clinicPage{Env: env}
	e := app.NewTestEngine()
	if err := e.Load(p); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	if html := app.HTMLString(p); strings.Contains(html, "field-error") {
		t.Error("errors shown before anything was typed")
	}
	filled := func(f clinicForm) string {
		p := &clinicPage{Env: env, form: f}
		p.changed()
		return render(t, p)
	}
	form := clinicForm{Name: "Riverside", Booking: "http://riverside.example", Accent: "#7fffd4", Country: "Britain"}
	html := filled(form)
	for field, label := range map[string]string{"booking": "Booking address (optional): ", "country": "Country (optional): "} {
		if tag := tagWith(html, `id="clinic-`+field+`-error"`); tag == "" || !strings.Contains(html, label) {
			t.Errorf("no error naming %s by its label %q", field, label)
		}
		if strings.Contains(html, field+": ") {
			t.Errorf("an error names the configuration's key %q", field+":")
		}
		// go-app's server render writes aria-invalid="true" as a bare attribute.
		if tag := tagWith(html, `id="clinic-`+field+`"`); !regexp.MustCompile(`aria-invalid(="true")?[ >]`).MatchString(tag) {
			t.Errorf("%s is not marked invalid: %s", field, tag)
		}
	}
	if strings.Contains(html, `id="clinic-name-error"`) || strings.Contains(html, `id="clinic-accent-error"`) {
		t.Error("an error on a valid field")
	}
	if !strings.Contains(html, `id="clinic-accent-notice"`) || strings.Contains(html, "clinic-preview-frame") {
		t.Error("want the accent's darkening shown and no preview while invalid")
	}
	form.Booking, form.Country = "https://riverside.example/book", "GB"
	html = filled(form)
	if strings.Contains(html, "field-error") || tagWith(html, `src="/?embed=1&preview=`) == "" || !strings.Contains(html, "embed.js") || !strings.Contains(html, "data-clinic=") {
		t.Errorf("a valid form has no preview or snippet: %s", tagWith(html, "clinic-preview-frame"))
	}
}

func TestPrescriberMakesALinkAQRAndAHandout(t *testing.T) {
	env := testEnv(t, browser.New())
	x := prescriber{Env: env}
	x.make()
	if x.problem == "" || x.made != nil {
		t.Fatal("made a link from nothing")
	}
	x.choose("quick_relief")
	x.make()
	if x.problem != "" || x.made == nil || !strings.HasPrefix(x.path, "/routines/custom#r=") || x.qr == "" {
		t.Fatalf("problem %q, path %q, qr %d bytes", x.problem, x.path, len(x.qr))
	}
	x.pasted = "https://elsewhere.example/routines/custom#r=!!!"
	x.make()
	if x.problem == "" {
		t.Error("a damaged pasted link was accepted")
	}
}

// tagWith returns the first start tag in page that contains attr, or "".
func tagWith(page, attr string) string {
	return regexp.MustCompile(`<[a-z]+[^<>]*` + regexp.QuoteMeta(attr) + `[^<>]*>`).FindString(page)
}
