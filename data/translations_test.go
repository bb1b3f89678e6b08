package data_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"unknot/app/content"
	"unknot/data"
)

// sameAsEnglish is the short, reviewed list of words a language may share
// with English: the brand, units and words that are the same in both.
// Country names are proper names and may match too; so may texts with no
// letter outside their placeholders ("{reason}: {answer}").
var sameAsEnglish = map[string][]string{
	"es": {"app.name", "player.timed", "triage.answer.no"},                                          // "{minutes} min", "No"
	"de": {"app.name", "journal.month.4", "journal.month.8", "journal.month.9", "journal.month.11"}, // April, August, September, November
	"fr": {"app.name", "player.timed"},
}

var placeholder = regexp.MustCompile(`\{[a-z_]+\}`)

// TestEveryLanguageIsTranslated: no text of another language is left in
// English unless it is on the reviewed list, and every text has the same
// placeholders as its English.
func TestEveryLanguageIsTranslated(t *testing.T) {
	c, err := content.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	en := c.Strings(content.DefaultLanguage)
	langs := c.Languages()
	for _, want := range []string{"de", "en", "es", "fr"} {
		if !slices.Contains(langs, want) {
			t.Errorf("no %s locale", want)
		}
	}
	for _, lang := range langs {
		if lang == content.DefaultLanguage {
			continue
		}
		words := c.Strings(lang)
		for _, k := range en.Keys() {
			english, text := en.T(k), words.T(k)
			if got, want := placeholders(text), placeholders(english); !slices.Equal(got, want) {
				t.Errorf("%s %s: placeholders %v; English has %v", lang, k, got, want)
			}
			if text == english && hasLetters(placeholder.ReplaceAllString(english, "")) &&
				!strings.HasPrefix(k, "country.") && !slices.Contains(sameAsEnglish[lang], k) {
				t.Errorf("%s %s is still the English %q", lang, k, english)
			}
		}
	}
}

func placeholders(s string) []string {
	p := placeholder.FindAllString(s, -1)
	slices.Sort(p)
	return p
}

func hasLetters(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }
