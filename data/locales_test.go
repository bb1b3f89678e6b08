package data_test

import (
	"slices"
	"testing"

	"unknot/app/content"
	"unknot/data"
)

// The compiled words the browser starts from are exactly the words of
// locale/ that content.Load accepts; after an edit of locale/, this fails
// until `go generate ./data` (or make build) compiles them again.
func TestLocalesAreTheCompiledWordsOfLocale(t *testing.T) {
	c, err := content.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	const stale = "data/locales_gen.go is stale: run `go generate ./data`"
	var langs []string
	for _, w := range data.Locales {
		langs = append(langs, w.Lang)
		if _, err := content.NewStrings(w.Keys, w.Texts); err != nil {
			t.Errorf("%s: %s: %v", stale, w.Lang, err)
			continue
		}
		want := c.Strings(w.Lang)
		if !slices.Equal(w.Keys, want.Keys()) {
			t.Errorf("%s: the keys of %s differ from locale/%s", stale, w.Lang, w.Lang)
			continue
		}
		for i, k := range w.Keys {
			if w.Texts[i] != want.T(k) {
				t.Errorf("%s: %s %q is %q, locale/%s has %q", stale, w.Lang, k, w.Texts[i], w.Lang, want.T(k))
			}
		}
	}
	if !slices.Equal(langs, c.Languages()) {
		t.Errorf("%s: languages %v, locale/ has %v", stale, langs, c.Languages())
	}
}
