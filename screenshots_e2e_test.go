//go:build !wasm

package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"unknot/app/content"
	"unknot/app/triage"
	"unknot/data"
)

// TestScreenshots is `make screenshots`: every page and the key states
// (each triage tier, the player running, a journal with an episode, the
// summary, the clinic page and its preview), on a phone (390×844) and a
// desktop (1280×800), light and dark, normal and largest text, as PNGs in
// $SCREENSHOTS, named page-width-scheme-text.png. It is a tool, not a test:
// without SCREENSHOTS set it skips.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("SCREENSHOTS")
	if dir == "" {
		t.Skip("screenshots are taken by make screenshots (SCREENSHOTS=dir)")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, "web", "")
	b := newBrowser(t)
	ctx := b.Tab()
	c, err := content.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	// A journal with data: one episode, logged as a person would.
	quickLog(t, ctx, srv.URL, "6", "centre", "lifting")

	tiers := []struct {
		name    string
		answers triage.Answers
	}{
		{"emergency", triage.Answers{"saddle_numbness": triage.Yes}},
		{"urgent", triage.Answers{"fever": triage.Yes, "age_band": "20_to_49", "first_episode": "no", "duration": "under_2_days", "course": "same", "daily_activities": "normal", "sciatica": "no", "inflammatory": "no"}},
		{"soon", triage.Answers{"age_band": "50_plus", "first_episode": "yes", "duration": "under_2_days", "course": "better", "daily_activities": "normal", "sciatica": "no", "inflammatory": "no", "pain_now": "6"}},
		{"selfcare", selfCareAnswers},
	}
	for _, width := range []int{390, 1280} {
		height := map[int]int{390: 844, 1280: 800}[width]
		for _, scheme := range []string{"light", "dark"} {
			for _, text := range []string{"normal", "larger"} {
				v := lookSpec{width, height, text, scheme}
				name := func(page string) string {
					return filepath.Join(dir, strings.Join([]string{page, strconv.Itoa(width), scheme, text}, "-")+".png")
				}
				for _, path := range layoutRoutes {
					lookAt(t, ctx, srv.URL, path, v)
					if sel, ok := loadedWhen[path]; ok {
						eventually(t, ctx, path+" with its data", `document.querySelector(`+strconv.Quote(sel)+`) !== null`)
					}
					shoot(t, ctx, name(pageName(path)))
				}
				for _, tier := range tiers {
					lookAt(t, ctx, srv.URL, "/triage", v)
					j := &triageJourney{t: t, ctx: ctx, rs: c.Triage(), base: srv.URL}
					j.answerAll(tier.answers)
					if got := j.disposition(); got != tier.name {
						t.Fatalf("the %s answers gave %s", tier.name, got)
					}
					shoot(t, ctx, name("triage-"+tier.name))
				}
				lookAt(t, ctx, srv.URL, "/routines/quick_relief", v)
				// A routine left running comes back paused: resume it, or start.
				eventually(t, ctx, "the player", `document.querySelector('[data-action="start"], [data-action="resume"]') !== null`)
				clickJS(t, ctx, `[data-action="start"], [data-action="resume"]`)
				eventually(t, ctx, "the player running", `document.querySelector('[data-player-state="running"]') !== null`)
				shoot(t, ctx, name("player-running"))
				lookAt(t, ctx, srv.URL, "/clinic", v)
				setClinicField(t, ctx, "#clinic-name", "Riverside Physio")
				eventually(t, ctx, "the preview, started", `(() => { const f = document.getElementById("clinic-preview-frame");
					const d = f && f.contentDocument; return !!(d && d.getElementById("app-wasm-loader") === null && d.querySelector(".clinic-name")); })()`)
				runIn(t, ctx, "showing the preview", chromedp.ScrollIntoView("#clinic-preview-frame", chromedp.ByID))
				shoot(t, ctx, name("clinic-preview"))
			}
		}
	}
}

// loadedWhen names, for a page that reads the journal, what shows once it
// has.
var loadedWhen = map[string]string{"/journal": "[data-episode]", "/journal/summary": ".chart"}

// pageName is a file name for a path: "/" is home, "/journal/new"
// journal_new.
func pageName(path string) string {
	if path == "/" {
		return "home"
	}
	return strings.ReplaceAll(strings.Trim(path, "/"), "/", "_")
}

// shoot writes what the window shows to file.
func shoot(t *testing.T, ctx context.Context, file string) {
	t.Helper()
	var png []byte
	runIn(t, ctx, "taking "+file, chromedp.CaptureScreenshot(&png))
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
}
