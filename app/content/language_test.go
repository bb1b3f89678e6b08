package content

import "testing"

func TestChooseLanguage(t *testing.T) {
	c := &Catalog{locales: map[string]Strings{"en": {}, "es": {}, "de": {}, "fr": {}}}
	for _, tt := range []struct {
		name            string
		setting, clinic string
		browser         []string
		want            string
	}{
		{"a German browser", "", "", []string{"de-DE", "en"}, "de"},
		{"the first language Unknot has", "", "", []string{"it-IT", "pt", "fr-CA", "de"}, "fr"},
		{"no language Unknot has", "", "", []string{"ja-JP", "it"}, "en"},
		{"nothing known", "", "", nil, "en"},
		{"the clinic's before the browser's", "", "fr", []string{"en-US"}, "fr"},
		{"Settings before the clinic's", "es", "fr", []string{"de-DE"}, "es"},
		{"an unknown setting is passed over", "xx", "", []string{"de-AT"}, "de"},
		{"an unknown clinic language is passed over", "", "it", []string{"es-MX"}, "es"},
		{"case and underscores", "", "", []string{"DE_ch"}, "de"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.ChooseLanguage(tt.setting, tt.clinic, tt.browser); got != tt.want {
				t.Errorf("ChooseLanguage(%q, %q, %v) = %q; want %q", tt.setting, tt.clinic, tt.browser, got, tt.want)
			}
		})
	}
}
