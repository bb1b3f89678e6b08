//go:build !(js && wasm)

package view

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
	"unknot/wasm/browser"
)

// homeRig is Home on an in-memory journal and browser, at a set time.
type homeRig struct {
	t     *testing.T
	b     *browser.Browser
	clock *browser.Clock
	store *journal.Memory
}

// open loads Home as a page load does, mounted, and returns its HTML.
func (r *homeRig) open() (*homePage, app.TestEngine) {
	env := testEnv(r.t, r.b)
	env.Journal, env.Clock, env.Files = r.store, r.clock, browser.NewFiles()
	home := &homePage{Env: env}
	eng := app.NewTestEngine()
	if err := eng.Load(home); err != nil {
		r.t.Fatal(err)
	}
	eng.ConsumeAll()
	home.ctx.Dispatch(home.OnMount) // what go-app does in the browser
	eng.ConsumeAll()
	return home, eng
}

// firstAfterSpasm is the opening tag of the element right after "I have a
// back spasm now".
var firstAfterSpasm = regexp.MustCompile(`(?s)class="action-primary".*?</a>\s*(<[^>]*>)`)

func (r *homeRig) firstCard(home *homePage) string {
	m := firstAfterSpasm.FindStringSubmatch(app.HTMLString(home))
	if m == nil {
		r.t.Fatal("Home has no spasm button")
	}
	return m[1]
}

func TestHomeShowsADueRecheckFirstUntilNotNow(t *testing.T) {
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	r := &homeRig{t: t, b: browser.New(), clock: browser.NewClock(), store: &journal.Memory{}}
	r.clock.Set(now)
	for _, ep := range []journal.Episode{
		journal.NewEpisode(now.Add(-7*24*time.Hour - time.Hour)),
		journal.NewEpisode(now.Add(-90 * 24 * time.Hour)), // long past its safety net
	} {
		if err := r.store.PutEpisode(context.Background(), ep, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	home, eng := r.open()
	if got := r.firstCard(home); !strings.Contains(got, `data-recheck="7"`) {
		t.Fatalf("the first element after the spasm button is %s; want the day 7 re-check", got)
	}
	html := app.HTMLString(home)
	for _, want := range []string{`href="/triage"`, `data-action="recheck-not-now"`, `data-action="add-reminders"`, "GP or a physio"} {
		if !strings.Contains(html, want) {
			t.Errorf("the card has no %s", want)
		}
	}

	// "Not now" removes its own button, and with it the button's context
	// (an empty one here: anything sent through it would be lost); the card is read
	// again through the page's.
	home.onNotNow(app.Context{}, app.Event{})
	home.ctx.Update()
	eng.ConsumeAll()
	if strings.Contains(app.HTMLString(home), "data-recheck") {
		t.Error(`"Not now" left the card`)
	}
	if again, _ := r.open(); strings.Contains(app.HTMLString(again), "data-recheck") {
		t.Error(`after "Not now" the card came back on a reload the same day`)
	}
	r.clock.Set(now.Add(5 * 24 * time.Hour)) // day 12: still day 7's re-check
	if again, _ := r.open(); strings.Contains(app.HTMLString(again), "data-recheck") {
		t.Error(`after "Not now" the card came back before the next re-check day`)
	}
	r.clock.Set(now.Add(7 * 24 * time.Hour)) // day 14
	if again, _ := r.open(); !strings.Contains(r.firstCard(again), `data-recheck="14"`) {
		t.Errorf("on day 14 the first card is %s; want the day 14 re-check", r.firstCard(again))
	}
}

func TestHomeHasNoRecheckWhenNoneIsDue(t *testing.T) {
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	ended := now.Add(-time.Hour)
	over := journal.NewEpisode(now.Add(-7*24*time.Hour - time.Hour))
	over.Ended = &ended
	checked := journal.NewEpisode(now.Add(-7*24*time.Hour - time.Hour))
	checked.Triage = &journal.TriageRecord{At: now.Add(-time.Minute), RuleSetVersion: "1", Disposition: "selfcare", Answers: map[string]string{}}
	for name, eps := range map[string][]journal.Episode{
		"an empty journal":          nil,
		"day 2":                     {journal.NewEpisode(now.Add(-2 * 24 * time.Hour))},
		"an episode marked over":    {over},
		"checked again since day 7": {checked},
	} {
		r := &homeRig{t: t, b: browser.New(), clock: browser.NewClock(), store: &journal.Memory{}}
		r.clock.Set(now)
		for _, ep := range eps {
			if err := r.store.PutEpisode(context.Background(), ep, time.Time{}); err != nil {
				t.Fatal(err)
			}
		}
		if home, _ := r.open(); strings.Contains(app.HTMLString(home), "data-recheck") {
			t.Errorf("%s: Home shows a re-check", name)
		}
	}
}

func TestRemindersOnlyWhileARecheckIsLeft(t *testing.T) {
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	env := testEnv(t, browser.New())
	clock := browser.NewClock()
	clock.Set(now)
	env.Clock, env.Files = clock, browser.NewFiles()
	ended := now.Add(-time.Hour)
	over := journal.NewEpisode(now.Add(-7 * 24 * time.Hour))
	over.Ended = &ended
	for _, tc := range []struct {
		name string
		ep   journal.Episode
		want bool
	}{
		{"a new episode", journal.NewEpisode(now), true},
		{"day 42 today", journal.NewEpisode(now.Add(-42*24*time.Hour + time.Hour)), true},
		{"past day 42", journal.NewEpisode(now.Add(-44 * 24 * time.Hour)), false},
		{"marked over", over, false},
	} {
		if got := env.reminders(tc.ep) != nil; got != tc.want {
			t.Errorf("%s: calendar button %v; want %v", tc.name, got, tc.want)
		}
	}
	env.Files = nil
	if env.reminders(journal.NewEpisode(now)) != nil {
		t.Error("a calendar button where the browser cannot save files")
	}
}
