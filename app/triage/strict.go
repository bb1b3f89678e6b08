package triage

import "unknot/app/internal/located"

// decodeStrict decodes one JSON value into v with the one strict decoder:
// unknown fields and trailing data are errors, located under path.
func decodeStrict(path string, b []byte, v any) error { return located.Decode(path, b, v) }

// isName reports whether s is a lower-case identifier: it becomes part of
// text keys and DOM attributes.
func isName(s string) bool {
	return s != "" && s[0] >= 'a' && s[0] <= 'z' && isValue(s)
}

// isValue is isName, but may start with a digit ("20_to_49").
func isValue(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '_' {
			return false
		}
	}
	return true
}
