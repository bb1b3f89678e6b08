package content

// PluralCategory is the CLDR plural category ("one" or "other") of the
// whole number n in language lang, the rule of the Unicode CLDR's
// plurals.xml: in English, German and Spanish "one" is 1 alone; in French
// it is 0 and 1. Text keys that count come in these categories
// (<key>.one, <key>.other), so a language adds its own words, not code. A
// language without a rule here counts as English does.
func PluralCategory(lang string, n int) string {
	switch lang {
	case "fr":
		if n == 0 || n == 1 {
			return "one"
		}
	default:
		if n == 1 {
			return "one"
		}
	}
	return "other"
}
