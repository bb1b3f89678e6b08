package clinic

import (
	"encoding/base64"
	"encoding/json"
	"strings"
)

// FragmentKey names the configuration among the URL fragment's &-separated parameters.
const FragmentKey = "clinic"

// maxEncoded is the longest encoding of a MaxConfigBytes document, with padding.
var maxEncoded = base64.URLEncoding.EncodedLen(MaxConfigBytes)

// Encode writes c as JSON without its empty fields, in base64url without padding, for
// #clinic=<Encode(c)> or an embed's data-clinic attribute. It does not validate c.
func Encode(c Config) string {
	b, _ := json.Marshal(c) // strings and lists of strings always marshal
	return base64.RawURLEncoding.EncodeToString(b)
}

// DecodeFragment reads what Encode wrote, with or without padding, then Parses it.
// Every error is a *FieldError.
func DecodeFragment(s string) (Config, error) {
	if len(s) > maxEncoded {
		return Config{}, problem("", "the clinic configuration in the address is %d characters, more than the %d allowed", len(s), maxEncoded)
	}
	// DecodeString skips line breaks; an address has none, so refuse them and anything
	// else outside the alphabet before decoding.
	unpadded := strings.TrimRight(s, "=")
	if !isBase64URL(unpadded) {
		return Config{}, problem("", "the clinic configuration in the address is damaged: it may contain only letters, digits, - and _")
	}
	enc := base64.RawURLEncoding
	if unpadded != s {
		enc = base64.URLEncoding // then the padding must be right
	}
	b, err := enc.DecodeString(s)
	if err != nil {
		return Config{}, problem("", "the clinic configuration in the address is damaged: it is not complete")
	}
	return Parse(b)
}

// FromFragment finds clinic=<encoded> among the &-separated parameters of a URL fragment
// (with or without its leading #) and decodes it. found is false, with no error, when the
// fragment has no clinic parameter; given twice, it is an error.
func FromFragment(fragment string) (c Config, found bool, err error) {
	fragment = strings.TrimPrefix(fragment, "#")
	value := ""
	for param := range strings.SplitSeq(fragment, "&") {
		v, ok := strings.CutPrefix(param, FragmentKey+"=")
		if !ok {
			continue
		}
		if found {
			return Config{}, true, problem("", "the address gives the clinic configuration twice")
		}
		value, found = v, true
	}
	if !found {
		return Config{}, false, nil
	}
	c, err = DecodeFragment(value)
	return c, true, err
}
