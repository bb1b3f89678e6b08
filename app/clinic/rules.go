package clinic

import (
	"fmt"
	"net/netip"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// checkText checks a name shown to people: required, at most MaxNameRunes, trimmed, and
// free of anything that could break or disguise the text around it.
func checkText(field, s string) *FieldError {
	switch {
	case s == "":
		return problem(field, "is required")
	case !utf8.ValidString(s):
		return problem(field, "is not valid UTF-8 text")
	case utf8.RuneCountInString(s) > MaxNameRunes:
		return problem(field, "must be at most %d characters", MaxNameRunes)
	case strings.IndexFunc(s, disruptive) >= 0:
		return problem(field, "must not contain control characters or line breaks")
	case strings.TrimSpace(s) != s:
		return problem(field, "must not begin or end with spaces")
	case strings.IndexFunc(s, visible) < 0:
		return problem(field, "must contain a letter, digit or symbol")
	}
	return nil
}

func visible(r rune) bool { return unicode.IsGraphic(r) && !unicode.IsSpace(r) }

// disruptive reports control characters, line and paragraph separators, and the
// bidirectional embeddings, overrides and isolates that can make text read backwards.
func disruptive(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' ||
		('\u202a' <= r && r <= '\u202e') || ('\u2066' <= r && r <= '\u2069')
}

// checkHTTPS checks an https address: no user name or password, a host, and only the
// characters RFC 3986 allows (with %-escapes), so that it means the same to every parser.
func checkHTTPS(field, s string) *FieldError {
	if len(s) > MaxURLBytes {
		return problem(field, "must be at most %d characters", MaxURLBytes)
	}
	if !strings.HasPrefix(s, "https://") {
		return problem(field, "must be an https:// address")
	}
	if i := strings.IndexFunc(s, func(r rune) bool { return !urlChar(r) }); i >= 0 {
		return problem(field, "must not contain %s; escape it as %%XX", describeRune(s, i))
	}
	u, err := url.Parse(s)
	if err != nil || u.Opaque != "" {
		return problem(field, "is not a valid address")
	}
	if u.User != nil {
		return problem(field, "must not contain a user name or password")
	}
	if !validHost(u.Hostname()) {
		return problem(field, "must name a host, such as https://clinic.example/")
	}
	return nil
}

// urlChar reports the characters of RFC 3986: unreserved, reserved and %.
func urlChar(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' ||
		strings.ContainsRune("-._~:/?#[]@!$&'()*+,;=%", r)
}

func describeRune(s string, i int) string {
	r, _ := utf8.DecodeRuneInString(s[i:])
	if r == ' ' {
		return "spaces"
	}
	if unicode.IsPrint(r) {
		return fmt.Sprintf("%q", r)
	}
	return fmt.Sprintf("the character %U", r)
}

// validHost accepts a DNS name in ASCII (punycode for international names) or an IP
// address.
func validHost(h string) bool {
	if h == "" {
		return false
	}
	if _, err := netip.ParseAddr(h); err == nil {
		return true
	}
	for label := range strings.SplitSeq(h, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, r := range label {
			if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-') {
				return false
			}
		}
	}
	return true
}

// checkPhone allows digits, spaces, ( ) - and one leading +, with 3 to 20 digits.
func checkPhone(s string) *FieldError {
	if s == "" {
		return nil
	}
	if strings.TrimSpace(s) != s {
		return problem("phone", "must not begin or end with spaces")
	}
	digits := 0
	for i, r := range s {
		switch {
		case '0' <= r && r <= '9':
			digits++
		case r == '+':
			if i != 0 {
				return problem("phone", "may have a + only at the start")
			}
		case !strings.ContainsRune(" ()-", r):
			return problem("phone", "may contain only digits, spaces, + ( ) and -")
		}
	}
	if digits < MinPhoneDigits || digits > MaxPhoneDigits {
		return problem("phone", "must have %d to %d digits", MinPhoneDigits, MaxPhoneDigits)
	}
	return nil
}

func checkCountry(s string) *FieldError {
	if s == "" || isCountry(s) {
		return nil
	}
	return problem("country", "must be a two-letter ISO 3166-1 code in capitals, such as GB")
}

// checkLang checks the clinic's language: a two-letter code in lower case.
// Whether Unknot has words for it is the app's to decide (it falls back to
// the browser's language).
func checkLang(s string) *FieldError {
	if s == "" || len(s) == 2 && strings.Trim(s, "abcdefghijklmnopqrstuvwxyz") == "" {
		return nil
	}
	return problem("lang", "must be a two-letter language code in small letters, such as fr")
}

// checkFeatured checks the featured routine ids; whether they exist is ValidateRoutines'.
func checkFeatured(ids []string) []*FieldError {
	if len(ids) > MaxFeatured {
		return []*FieldError{problem("featured", "may list at most %d routines", MaxFeatured)}
	}
	var ps []*FieldError
	seen := map[string]bool{}
	for i, id := range ids {
		field := fmt.Sprintf("featured[%d]", i)
		switch {
		case !routineID(id):
			ps = append(ps, problem(field, "must be a routine id of 1 to %d lower-case letters, digits or _", MaxRoutineIDLen))
		case seen[id]:
			ps = append(ps, problem(field, "repeats %q", id))
		}
		seen[id] = true
	}
	return ps
}

func routineID(s string) bool {
	if s == "" || len(s) > MaxRoutineIDLen {
		return false
	}
	for _, r := range s {
		if !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

// LinkPrefix starts every prescribed routine link: a path inside the app, relative to
// wherever the app is served.
const LinkPrefix = "/routines/custom#r="

func checkPrescribed(ps []Prescription) []*FieldError {
	if len(ps) > MaxPrescribed {
		return []*FieldError{problem("prescribed", "may list at most %d routines", MaxPrescribed)}
	}
	var out []*FieldError
	for i, p := range ps {
		field := fmt.Sprintf("prescribed[%d]", i)
		if e := checkText(field+".name", p.Name); e != nil {
			out = append(out, e)
		}
		if e := checkLink(field+".link", p.Link); e != nil {
			out = append(out, e)
		}
	}
	return out
}

func checkLink(field, s string) *FieldError {
	payload, ok := strings.CutPrefix(s, LinkPrefix)
	switch {
	case len(s) > MaxLinkBytes:
		return problem(field, "must be at most %d characters", MaxLinkBytes)
	case !ok:
		return problem(field, "must start with %s", LinkPrefix)
	case payload == "":
		return problem(field, "has no routine after %s", LinkPrefix)
	case !isBase64URL(payload):
		return problem(field, "may contain only letters, digits, - and _ after %s", LinkPrefix)
	}
	return nil
}

func isBase64URL(s string) bool {
	for _, r := range s {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}
