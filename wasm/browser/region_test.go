package browser

import "testing"

func TestRegionOf(t *testing.T) {
	for tag, want := range map[string]string{
		"en-GB":      "GB",
		"en-gb":      "GB",
		"en":         "",
		"":           "",
		"zh-Hant":    "",
		"zh-Hant-TW": "TW",
		"es-419":     "",
		"de-DE-1996": "DE",
	} {
		if got := regionOf(tag); got != want {
			t.Errorf("regionOf(%q) = %q; want %q", tag, got, want)
		}
	}
}
