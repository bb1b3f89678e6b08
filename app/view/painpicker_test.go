//go:build !(js && wasm)

package view

import (
	"strings"
	"testing"

	"unknot/wasm/browser"
)

// TestOnePainPicker: the quick log and the player ask for pain with the
// same widget: eleven buttons, 0 to 10, each with its score in words.
func TestOnePainPicker(t *testing.T) {
	env := testEnv(t, browser.New())
	for name, html := range map[string]string{
		"quick log": render(t, &quickLogPage{Env: env}),
		"player":    newPlayerRig(t, testLink).html(),
	} {
		if n := strings.Count(html, `class="field pain-picker"`); n != 1 {
			t.Errorf("%s: %d pain pickers; want 1", name, n)
		}
		if n := strings.Count(html, `class="pain-button"`); n != 11 {
			t.Errorf("%s: %d pain buttons; want 11", name, n)
		}
		if !strings.Contains(html, `aria-label="10 out of 10"`) {
			t.Errorf("%s: the buttons do not say their score in words", name)
		}
		if strings.Contains(html, "quick-choices-pain") {
			t.Errorf("%s: an older pain picker is still there", name)
		}
	}
}
