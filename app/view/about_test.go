//go:build !(js && wasm)

package view

import (
	"strings"
	"testing"

	"unknot/wasm/browser"
)

// The About page names the licence, so that whoever embeds or reuses the
// app knows they may.
func TestAboutNamesTheLicence(t *testing.T) {
	env := testEnv(t, browser.New())
	page := render(t, &aboutPage{Env: env})
	if !strings.Contains(page, "Apache License 2.0") {
		t.Error("the About page does not name the Apache License 2.0")
	}
}
