//go:build !(js && wasm)

package view

import (
	"html"
	"testing"
)

func TestEscapeHTMLMatchesTheStandardLibrary(t *testing.T) {
	for _, s := range []string{"", "plain", `<script>alert("x")</script>`, "Tom & Jerry's", "a<b>c", "é ünïcode & ✓", `"'&<>`, "&amp;"} {
		if got, want := escapeHTML(s), html.EscapeString(s); got != want {
			t.Errorf("escapeHTML(%q) = %q; want %q", s, got, want)
		}
	}
}
