package content

import "strings"

// ChooseLanguage picks the language the app speaks, as a language Unknot has
// words for: the one the person chose in Settings, then the clinic's, then
// the first of the browser's preferred languages that Unknot has (an exact
// tag such as "fr-CA" or its base "fr"), else DefaultLanguage. The person's
// own choice comes first; a clinic's choice comes before the browser's,
// since the clinic knows the patients it embeds the app for.
func (c *Catalog) ChooseLanguage(setting, clinic string, browser []string) string {
	for _, tag := range append([]string{setting, clinic}, browser...) {
		if lang, ok := c.language(tag); ok {
			return lang
		}
	}
	return DefaultLanguage
}

// language returns the language of Unknot's that tag names: itself, or its
// base language ("de" for "de-AT").
func (c *Catalog) language(tag string) (string, bool) {
	tag = strings.ToLower(strings.TrimSpace(strings.ReplaceAll(tag, "_", "-")))
	if tag == "" {
		return "", false
	}
	if _, ok := c.locales[tag]; ok {
		return tag, true
	}
	if base, _, ok := strings.Cut(tag, "-"); ok {
		if _, ok := c.locales[base]; ok {
			return base, true
		}
	}
	return "", false
}
