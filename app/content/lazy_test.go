package content

import (
	"encoding/json"
	"errors"
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"unknot/data"
)

// A lazy catalog decodes the triage rules and routines on first use, to
// the same values Load gives.
func TestLoadLazily(t *testing.T) {
	eager, err := Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	lazy, err := LoadLazily(data.BrowserFS, eager.locales)
	if err != nil {
		t.Fatal(err)
	}
	if lazy.triage != nil || lazy.routines != nil {
		t.Fatal("LoadLazily decoded the triage rules or routines at once")
	}
	if got := lazy.Strings("en").T("app.name"); got != eager.Strings("en").T("app.name") {
		t.Errorf("lazy words: app.name = %q", got)
	}
	if !reflect.DeepEqual(lazy.Triage(), eager.Triage()) {
		t.Error("lazily decoded triage rules differ from Load's")
	}
	if lazy.routines != nil {
		t.Error("asking for the triage rules decoded the routines too")
	}
	lazy.Prepare()
	if !reflect.DeepEqual(lazy.routines, eager.Routines()) {
		t.Error("Prepare did not decode the routines Load gives")
	}
	if lazy.Triage() != lazy.Triage() {
		t.Error("Triage decoded twice")
	}
}

// Content that Load refuses makes the lazy catalog panic with the same
// error when the broken part is first asked for (never a half-decoded
// value), while the rest still works.
func TestLoadLazilyBrokenContent(t *testing.T) {
	fsys := triageFS(t, "triage.json", func(b []byte) []byte { return []byte(`{"version": 3}`) })
	_, loadErr := Load(fsys)
	var ce *Error
	if !errors.As(loadErr, &ce) || ce.File != "triage.json" {
		t.Fatalf("Load error = %v; want one about triage.json", loadErr)
	}
	good, err := Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	c, err := LoadLazily(fsys, good.locales)
	if err != nil {
		t.Fatalf("LoadLazily: %v", err)
	}
	if c.Routines() == nil {
		t.Fatal("no routines")
	}
	defer func() {
		r := recover()
		err, _ := r.(error)
		if err == nil || err.Error() != loadErr.Error() {
			t.Errorf("Triage panicked with %v; want %v", r, loadErr)
		}
	}()
	c.Triage()
	t.Error("Triage returned despite broken content")
}

// openOnly is a file system that can only open files.
type openOnly struct{ fs.FS }

// Content is loaded from file systems that list their own directories;
// another gives a clear error rather than an empty catalog.
func TestLoadNeedsAListingFS(t *testing.T) {
	_, err := Load(openOnly{data.FS})
	if err == nil || !strings.Contains(err.Error(), "cannot list directories") {
		t.Errorf("Load over an FS without ReadDir: %v", err)
	}
}

// Load refuses a language without every key of the default language, or
// with a key the default language lacks.
func TestLoadChecksEveryLanguageHasTheSameKeys(t *testing.T) {
	for _, tc := range []struct {
		name, want string
		edit       func(words map[string]string)
	}{
		{"a missing key", "missing key", func(w map[string]string) { delete(w, "app.name") }},
		{"an unknown key", "unknown key", func(w map[string]string) { w["no.such.key"] = "x" }},
	} {
		fsys := dataCopy(t)
		for p, f := range fsys {
			if after, ok := strings.CutPrefix(p, "locale/en/"); ok {
				fsys["locale/xx/"+after] = &fstest.MapFile{Data: f.Data}
			}
		}
		words := map[string]string{}
		if err := json.Unmarshal(fsys["locale/xx/ui.json"].Data, &words); err != nil {
			t.Fatal(err)
		}
		tc.edit(words)
		b, err := json.Marshal(words)
		if err != nil {
			t.Fatal(err)
		}
		fsys["locale/xx/ui.json"] = &fstest.MapFile{Data: b}
		if _, err := Load(fsys); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: Load gave %v; want an error with %q", tc.name, err, tc.want)
		}
	}
}

// LoadLazily needs the default language's words, as Load does.
func TestLoadLazilyNeedsTheDefaultLanguage(t *testing.T) {
	en, err := NewStrings([]string{"app.name"}, []string{"Unknot"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := LoadLazily(data.BrowserFS, map[string]Strings{"fr": en}); err == nil || !strings.Contains(err.Error(), `no "en" locale`) {
		t.Errorf("LoadLazily without English: %v", err)
	}
}
