//go:build !wasm

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"unknot/app/journal"
	"unknot/app/triage"
)

// Browser journeys for the safety net: a due re-check first on Home, the
// calendar file it downloads, and a result that promises reminders only
// once it is saved. The tabs are in Tokyo, where the calendar date is not
// UTC's for half the day, so the dates must be the person's.

const safetyNetZone = "Asia/Tokyo"

// importEpisodes puts eps into the journal as a person would, by importing
// a backup on /journal, and waits until they are stored.
func importEpisodes(t *testing.T, ctx context.Context, url string, eps []journal.Episode) {
	t.Helper()
	var buf bytes.Buffer
	if err := journal.EncodeBackup(&buf, eps, nil, time.Now()); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "backup.json")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	journalRows(t, ctx, url) // the journal read, its import ready
	runIn(t, ctx, "choosing the backup", chromedp.SetUploadFiles("#journal-import-file", []string{path}, chromedp.ByQuery))
	eventually(t, ctx, "the preview", `document.querySelector('[data-import-preview="ready"]') !== null`)
	clickJS(t, ctx, `[data-action="import-confirm"]`)
	for _, ep := range eps {
		stored := fmt.Sprintf(`new Promise(resolve => {
			const req = indexedDB.open("unknot");
			req.onsuccess = () => {
				const db = req.result;
				const get = db.transaction("episodeIds").objectStore("episodeIds").get(%q);
				get.onsuccess = () => { db.close(); resolve(!!get.result); };
				get.onerror = () => { db.close(); resolve(false); };
			};
			req.onerror = () => resolve(false);
		})`, ep.ID)
		deadline := time.Now().Add(30 * time.Second)
		for {
			var ok bool
			runIn(t, ctx, "looking for the imported episode", chromedp.Evaluate(stored, &ok, awaitPromise))
			if ok {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("episode %s not stored 30s after the import", ep.ID)
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
}

// downloadNamed clicks sel and returns the name the page gave the file
// and its bytes.
func downloadNamed(t *testing.T, ctx context.Context, sel string) (string, []byte) {
	t.Helper()
	names := make(chan string, 1)
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*cdpbrowser.EventDownloadWillBegin); ok {
			select {
			case names <- e.SuggestedFilename:
			default:
			}
		}
	})
	// In the middle of the screen: a pointer click at the bottom edge
	// lands on the tab bar that stands over it.
	runIn(t, ctx, "scrolling to "+sel, chromedp.Evaluate(fmt.Sprintf(`document.querySelector(%q).scrollIntoView({block: "center"})`, sel), nil))
	data := download(t, ctx, sel)
	select {
	case name := <-names:
		return name, data
	case <-time.After(10 * time.Second):
		t.Fatal("the download had no name")
	}
	return "", nil
}

// wantSessions are the planned stretch sessions a reminders file holds.
type wantSessions struct {
	rrule, at, link, first string
}

// checkCalendar parses a reminders file with a real iCalendar parser and
// checks that it holds one all-day event on each wanted date (in order),
// titled "Unknot: back re-check" and linking to the check, with nothing
// else in it, then the planned sessions, if any.
func checkCalendar(t *testing.T, data []byte, base string, want []string, sessions *wantSessions) {
	t.Helper()
	cal, err := ics.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the calendar file does not parse: %v\n%s", err, data)
	}
	events := cal.Events()
	if sessions != nil {
		if len(events) != len(want)+1 {
			t.Fatalf("the calendar has %d events; want %d re-checks and the sessions", len(events), len(want))
		}
		s := events[len(want)]
		events = events[:len(want)]
		start, err := s.GetStartAt()
		if err != nil {
			t.Fatal(err)
		}
		if got := start.Format(time.DateOnly + " 15:04"); got != sessions.first+" "+sessions.at {
			t.Errorf("the sessions start %s; want %s %s", got, sessions.first, sessions.at)
		}
		if got := s.GetProperty(ics.ComponentPropertyRrule).Value; got != sessions.rrule {
			t.Errorf("the sessions repeat %q; want %q", got, sessions.rrule)
		}
		if got := ics.FromText(s.GetProperty(ics.ComponentPropertySummary).Value); got != texts(t).T("reminders.ics.routine") {
			t.Errorf("the sessions are called %q", got)
		}
		if got := s.GetProperty(ics.ComponentPropertyUrl).Value; got != sessions.link {
			t.Errorf("the sessions link to %q; want %s", got, sessions.link)
		}
	}
	var got []string
	for i, ev := range events {
		start, err := ev.GetAllDayStartAt()
		if err != nil {
			t.Fatalf("event %d: %v", i, err)
		}
		got = append(got, start.Format(time.DateOnly))
		if s := ics.FromText(ev.GetProperty(ics.ComponentPropertySummary).Value); s != texts(t).T("reminders.ics.recheck") {
			t.Errorf("event %d is called %q", i, s)
		}
		if u := ev.GetProperty(ics.ComponentPropertyUrl).Value; u != base+"/triage" {
			t.Errorf("event %d links to %q; want %s/triage", i, u, base)
		}
		if d := ics.FromText(ev.GetProperty(ics.ComponentPropertyDescription).Value); d != base+"/triage" {
			t.Errorf("event %d describes itself as %q; want only the link", i, d)
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("the calendar's re-checks are on %v; want %v", got, want)
	}
}

// recheckDates are the calendar dates in zone of the re-check days of an
// episode begun at started that are still to come: today's date in that
// zone or later. (A spasm begun 7 days and an hour ago has its day 7
// yesterday when it is just past midnight in Tokyo.)
func recheckDates(t *testing.T, started time.Time, days ...int) []string {
	t.Helper()
	loc, err := time.LoadLocation(safetyNetZone)
	if err != nil {
		t.Fatal(err)
	}
	today := time.Now().In(loc).Format(time.DateOnly)
	var out []string
	for _, d := range days {
		if date := started.Add(time.Duration(d) * 24 * time.Hour).In(loc).Format(time.DateOnly); date >= today {
			out = append(out, date)
		}
	}
	return out
}

// TestBrowserSafetyNetRecheckFirstOnHome: a spasm that began 7 days ago and
// is not over. Home's first card after "I have a back spasm now" is its
// day 7 re-check; "Add reminders to my calendar" downloads the days still
// to come (7, today, then 14, 28 and 42), as the episode's page does; "Not
// now" hides the card, and it stays hidden after a reload.
func TestBrowserSafetyNetRecheckFirstOnHome(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "web", "")
	ctx := newBrowser(t).Tab()
	runIn(t, ctx, "a phone in Tokyo", onPhone(safetyNetZone))
	ep := journal.NewEpisode(time.Now().Add(-7*24*time.Hour - time.Hour).Truncate(time.Second))
	ep.Pain = []journal.PainRating{{At: ep.Started, Score: 7}}
	importEpisodes(t, ctx, srv.URL, []journal.Episode{ep})

	runIn(t, ctx, "opening Home", chromedp.Navigate(srv.URL+"/"), appReady())
	eventually(t, ctx, "the re-check card", `document.querySelector("[data-recheck]") !== null`)
	var first string
	runIn(t, ctx, "reading the first card", chromedp.Evaluate(`(() => {
		const spasm = document.querySelector("main a.action-primary");
		const next = spasm && spasm.nextElementSibling;
		return next ? (next.dataset.recheck || next.outerHTML.slice(0, 80)) : "nothing";
	})()`, &first))
	if first != "7" {
		t.Fatalf("the first element after the spasm button is %q; want the re-check card with data-recheck=\"7\"", first)
	}
	if got := text(t, ctx, "[data-recheck]"); !strings.Contains(got, "Day 7") || !strings.Contains(got, "GP or a physio") {
		t.Errorf("the card says %q; want the day and why", got)
	}
	if axe, ok := readAxe(t); ok {
		clickJS(t, ctx, "[data-recheck] .reminders-plan summary") // the planner's fields too
		checkAxe(t, ctx, axe, "Home with a re-check due")
	}
	var startsCheck bool
	runIn(t, ctx, "the check link", chromedp.Evaluate(`document.querySelector('[data-recheck] a[href="/triage"]') !== null`, &startsCheck))
	if !startsCheck {
		t.Error("the card has no link to a fresh check")
	}

	name, data := downloadNamed(t, ctx, `[data-recheck] [data-action="add-reminders"]`)
	if name != "unknot-reminders.ics" {
		t.Errorf("the file is called %q; want unknot-reminders.ics", name)
	}
	checkCalendar(t, data, srv.URL, recheckDates(t, ep.Started, 7, 14, 28, 42), nil)
	eventually(t, ctx, "the saved message", `document.querySelector("[data-recheck] .reminders [role=status]").textContent.includes("unknot-reminders.ics")`)

	// The episode's own page offers the same file.
	openEpisode(t, ctx, srv.URL, ep.ID)
	_, data = downloadNamed(t, ctx, `[data-episode-page] [data-action="add-reminders"]`)
	checkCalendar(t, data, srv.URL, recheckDates(t, ep.Started, 7, 14, 28, 42), nil)

	runIn(t, ctx, "back to Home", chromedp.Navigate(srv.URL+"/"), appReady())
	eventually(t, ctx, "the re-check card", `document.querySelector("[data-recheck]") !== null`)
	clickJS(t, ctx, `[data-action="recheck-not-now"]`)
	eventually(t, ctx, "the card gone", `document.querySelector("[data-recheck]") === null`)
	runIn(t, ctx, "reloading", chromedp.Reload(), appReady())
	eventually(t, ctx, "Home read the journal", `document.querySelector('.home-recheck[data-loaded="true"]') !== null`)
	if text(t, ctx, "main h1") == "" || text(t, ctx, "[data-recheck]") != "" {
		t.Error(`after "Not now" and a reload, the re-check card is back the same day`)
	}
}

// TestBrowserSafetyNetResultPromisesOnlyOnceSaved: a self-care result says
// that saving lets the journal remind, and promises nothing; once saved it
// promises the re-checks, and its calendar file holds the five dates, and
// the stretch sessions planned.
func TestBrowserSafetyNetResultPromisesOnlyOnceSaved(t *testing.T) {
	t.Parallel()
	j := newTriageJourneyOn(t, onPhone(safetyNetZone))
	j.answerAll(triage.Answers{"age_band": "20_to_49", "first_episode": "no", "duration": "under_2_days", "course": "same", "daily_activities": "limited", "sciatica": "no", "inflammatory": "no", "trigger": "lifting", "pain_now": "5"})
	if got := j.disposition(); got != "selfcare" {
		t.Fatalf("disposition = %q; want selfcare", got)
	}
	w := texts(t)
	promise := w.Format("reminders.result.saved", "days", "3, 7, 14, 28, 42")
	if !j.has(`[data-recheck-promise="unsaved"]`) || j.has(`[data-recheck-promise="saved"]`) || j.has(`[data-action="add-reminders"]`) ||
		strings.Contains(text(j.t, j.ctx, "main"), promise) {
		t.Fatal("before saving, the result promises reminders or offers the calendar")
	}
	if got := text(t, j.ctx, `[data-recheck-promise="unsaved"]`); got != w.Format("reminders.result.unsaved", "days", "3, 7, 14, 28, 42") {
		t.Errorf("before saving, the result says %q", got)
	}

	j.click("#triage-save")
	eventually(t, j.ctx, "the promise", `document.querySelector('[data-recheck-promise="saved"] [data-action="add-reminders"]') !== null`)
	if got := text(t, j.ctx, `[data-recheck-promise="saved"] p`); got != promise {
		t.Errorf("once saved, the result says %q; want %q", got, promise)
	}
	var raw string
	runIn(t, j.ctx, "reading the saved check", chromedp.Evaluate(`localStorage.getItem("unknot.triage.progress.v2")`, &raw))
	var saved struct {
		Current struct {
			SavedTo struct{ Started time.Time } `json:"saved_to"`
		} `json:"current"`
	}
	if err := json.Unmarshal([]byte(raw), &saved); err != nil || saved.Current.SavedTo.Started.IsZero() {
		t.Fatalf("the saved check names no episode: %v %s", err, raw)
	}
	add := `[data-recheck-promise="saved"] [data-action="add-reminders"]`
	_, data := downloadNamed(t, j.ctx, add)
	// A new episode: all five re-check days are still to come.
	rechecks := recheckDates(t, saved.Current.SavedTo.Started, 3, 7, 14, 28, 42)
	checkCalendar(t, data, j.base, rechecks, nil)

	// Stretch sessions planned too: a routine on Wednesdays and Fridays at
	// 07:30 for two weeks. Without a day, nothing is saved and the
	// planner says why.
	j.click(".reminders-plan summary")
	runIn(t, j.ctx, "planning", changeField("#plan-routine", "quick_relief"), changeField("#plan-time", "07:30"), changeField("#plan-weeks", "2"))
	j.click(add)
	eventually(t, j.ctx, "the planner's complaint", fmt.Sprintf(`document.querySelector(".reminders [role=status]").textContent === %q`, w.T("reminders.plan.no_day")))
	j.click(`[data-plan-day="3"]`)
	j.click(`[data-plan-day="5"]`)
	_, data = downloadNamed(t, j.ctx, add)
	checkCalendar(t, data, j.base, rechecks, &wantSessions{
		rrule: "FREQ=WEEKLY;BYDAY=WE,FR;COUNT=4", at: "07:30", link: j.base + "/routines/quick_relief",
		first: firstWeekday(t, saved.Current.SavedTo.Started, time.Wednesday, time.Friday),
	})
}

// changeField sets a field's value and tells the page, as choosing in it
// does (a change event).
func changeField(sel, value string) chromedp.Action {
	return chromedp.Evaluate(fmt.Sprintf(`(() => { const el = document.querySelector(%q); el.value = %q; el.dispatchEvent(new Event("change", {bubbles: true})); return true })()`, sel, value), nil)
}

// firstWeekday is the first date, from t's date in the tabs' zone on, that
// falls on one of days.
func firstWeekday(t *testing.T, from time.Time, days ...time.Weekday) string {
	t.Helper()
	loc, err := time.LoadLocation(safetyNetZone)
	if err != nil {
		t.Fatal(err)
	}
	d := from.In(loc)
	for !slices.Contains(days, d.Weekday()) {
		d = d.AddDate(0, 0, 1)
	}
	return d.Format(time.DateOnly)
}
