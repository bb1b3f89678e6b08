//go:build !wasm

package site

import (
	"strings"
	"testing"
)

// The policy names only directives WebKit (Safari's engine) and Chromium
// both recognise: WebKit logs "Unrecognized Content-Security-Policy
// directive" on every page for any other (it did for manifest-src), and an
// unknown directive restricts nothing anyway. Every fetch directive falls
// back to default-src 'self'.
func TestCSPDirectivesEveryEngineKnows(t *testing.T) {
	known := map[string]bool{}
	for _, d := range strings.Fields("default-src script-src style-src img-src connect-src font-src media-src " +
		"worker-src object-src frame-src child-src base-uri form-action frame-ancestors sandbox " +
		"upgrade-insecure-requests report-uri") {
		known[d] = true
	}
	csp := securityHeaders["Content-Security-Policy"]
	seen := map[string]bool{}
	for _, part := range strings.Split(csp, ";") {
		fields := strings.Fields(part)
		if len(fields) == 0 {
			continue
		}
		name := fields[0]
		if !known[name] {
			t.Errorf("the Content-Security-Policy names %s, which WebKit does not recognise: %s", name, csp)
		}
		if seen[name] {
			t.Errorf("the Content-Security-Policy names %s twice", name)
		}
		seen[name] = true
	}
	for _, want := range []string{"default-src", "script-src", "object-src", "base-uri", "form-action"} {
		if !seen[want] {
			t.Errorf("the Content-Security-Policy lacks %s: %s", want, csp)
		}
	}
}
