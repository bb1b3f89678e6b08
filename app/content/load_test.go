package content

import (
	"encoding/json"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"unknot/data"
)

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

// Compiled needs the default language's words, as Load does, and every
// part of the content.
func TestCompiledNeedsEveryPart(t *testing.T) {
	good, err := Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	en := good.Strings(DefaultLanguage)
	if _, err := Compiled(map[string]Strings{"fr": en}, good.triage, good.routines, good.emergency); err == nil || !strings.Contains(err.Error(), `no "en" locale`) {
		t.Errorf("Compiled without English: %v", err)
	}
	if _, err := Compiled(good.locales, good.triage, nil, good.emergency); err == nil {
		t.Error("Compiled without the routines gave no error")
	}
	c, err := Compiled(good.locales, good.triage, good.routines, good.emergency)
	if err != nil {
		t.Fatal(err)
	}
	if c.Triage() != good.triage || c.Strings("en").T("app.name") != en.T("app.name") {
		t.Error("Compiled does not give back the content it was given")
	}
}
