package browser

import (
	"net/url"
	"strings"
)

// readableAddress is href with every "%" that does not start an escape
// written as "%25", so that url.Parse reads it; ok is false when href
// already parses, or when even that does not make it parse. go-app reads the
// page's address with url.Parse and panics before its first screen when it
// cannot (a routine link whose fragment was cut or mangled, "#r=…%%%").
func readableAddress(href string) (fixed string, ok bool) {
	if _, err := url.Parse(href); err == nil {
		return "", false
	}
	var b strings.Builder
	for i := 0; i < len(href); i++ {
		if href[i] == '%' && !(i+2 < len(href) && isHex(href[i+1]) && isHex(href[i+2])) {
			b.WriteString("%25")
			continue
		}
		b.WriteByte(href[i])
	}
	fixed = b.String()
	if _, err := url.Parse(fixed); err != nil {
		return "", false
	}
	return fixed, true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
