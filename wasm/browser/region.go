package browser

import "strings"

// regionOf is the region of a language tag: its first two-letter subtag
// after the language, upper-cased ("GB" for "en-GB", "" for "en" or
// "zh-Hant").
func regionOf(tag string) string {
	parts := strings.Split(tag, "-")
	for _, p := range parts[1:] {
		if len(p) == 2 {
			return strings.ToUpper(p)
		}
	}
	return ""
}
