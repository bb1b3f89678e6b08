package view

import "strings"

// escapeHTML makes text safe inside HTML content and quoted attribute
// values, escaping the five characters html.EscapeString escapes, to the
// same entities. It is hand-written because html.EscapeString builds a
// strings.Replacer, which would grow app.wasm for five characters.
func escapeHTML(s string) string {
	if !strings.ContainsAny(s, `&'<>"`) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			b.WriteString("&amp;")
		case '\'':
			b.WriteString("&#39;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&#34;")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
