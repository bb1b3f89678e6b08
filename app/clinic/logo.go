package clinic

import (
	"bytes"
	"encoding/base64"
	"strings"
)

// logoTypes are the image types a data: logo may have, with a test of their first bytes.
// SVG is not here on purpose: an SVG document can carry script.
var logoTypes = []struct {
	prefix string // the data: address up to and including the comma
	name   string
	magic  func(b []byte) bool
}{
	{"data:image/png;base64,", "PNG", func(b []byte) bool {
		return bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n"))
	}},
	{"data:image/jpeg;base64,", "JPEG", func(b []byte) bool {
		return bytes.HasPrefix(b, []byte("\xff\xd8\xff"))
	}},
	{"data:image/webp;base64,", "WebP", func(b []byte) bool {
		return len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP"
	}},
}

// checkLogo accepts no logo, an https address, or a small base64 data: address of a PNG,
// JPEG or WebP image whose bytes are what the address says they are.
func checkLogo(s string) *FieldError {
	if s == "" {
		return nil
	}
	if !strings.HasPrefix(s, "data:") {
		if !strings.HasPrefix(s, "https://") {
			return problem("logo", "must be an https:// address or a data:image/png, jpeg or webp address")
		}
		return checkHTTPS("logo", s)
	}
	if len(s) > MaxLogoDataBytes {
		return problem("logo", "must be at most %d characters as a data: address; use an https:// address for a larger image", MaxLogoDataBytes)
	}
	for _, t := range logoTypes {
		data, ok := strings.CutPrefix(s, t.prefix)
		if !ok {
			continue
		}
		// Strict: padded, no line breaks (which DecodeString would skip), no stray bits.
		b, err := base64.StdEncoding.Strict().DecodeString(data)
		if err != nil || strings.ContainsAny(data, "\r\n") {
			return problem("logo", "is not valid base64 after the comma")
		}
		if !t.magic(b) {
			return problem("logo", "does not hold a %s image", t.name)
		}
		return nil
	}
	return problem("logo", "may only be a data:image/png, jpeg or webp address in base64 (not SVG)")
}
