//go:build !(js && wasm)

package view

import (
	"regexp"
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

// About is not in the bottom navigation (its labels keep their size on a
// small phone): Settings links to it, and on About the Settings tab is the
// current one, the way back.
func TestAboutIsReachedFromSettings(t *testing.T) {
	env := testEnv(t, browser.New())
	settings := render(t, &settingsPage{Env: env})
	if !strings.Contains(settings, `class="card" href="/about"`) || !strings.Contains(settings, env.T("about.title")) {
		t.Error("Settings has no link to About")
	}
	about := render(t, &aboutPage{Env: env})
	tabbar := about[strings.Index(about, `class="tabbar"`):]
	if strings.Contains(tabbar, `href="/about"`) {
		t.Error("About is still in the bottom navigation")
	}
	if !regexp.MustCompile(`href="/settings"[^>]*aria-current="page"|aria-current="page"[^>]*href="/settings"`).MatchString(tabbar) {
		t.Error("on About, the Settings tab is not marked as the current page")
	}
}
