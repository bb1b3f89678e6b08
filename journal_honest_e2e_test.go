//go:build !wasm

package main

// Browser journeys for what the journal says (issue 17, "honest data"): a
// pain rating at the moment it was felt, one spasm however often it is
// checked, routine sessions listed without any spasm, and a reload that
// gives back no time of a hold.

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"unknot/app/routine"
	"unknot/app/triage"
)

// A spasm logged tonight and dated back 40 days keeps its pain at its own
// date: the chart's caption and the episode both say that day, not today.
func TestBrowserBackdatedPainIsDrawnAtItsOwnDate(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "web", "")
	ctx := newBrowser(t).Tab()
	id := quickLog(t, ctx, srv.URL, "6", "centre", "lifting")
	openEpisode(t, ctx, srv.URL, id)
	started := dateEpisodeBack(t, ctx, 40)
	day, err := time.Parse("2006-01-02T15:04", started)
	if err != nil {
		t.Fatal(err)
	}
	words := texts(t)
	shortDate := func(d time.Time) string {
		return words.Format("journal.date.short", "day", strconv.Itoa(d.Day()), "month", words.T("journal.month_short."+strconv.Itoa(int(d.Month()))))
	}
	var today string
	runIn(t, ctx, "today", chromedp.Evaluate(`new Date().toISOString().slice(0, 10)`, &today))
	if got := text(t, ctx, ".pain-ratings li"); !strings.Contains(got, strconv.Itoa(day.Day())+" "+words.T("journal.month."+strconv.Itoa(int(day.Month())))) {
		t.Errorf("the episode lists its rating as %q; want it on %s", got, started)
	}

	runIn(t, ctx, "opening the journal", chromedp.Navigate(srv.URL+"/journal"), appReady())
	eventually(t, ctx, "the pain chart", `document.querySelector("#chart-pain figcaption") !== null`)
	caption := text(t, ctx, "#chart-pain figcaption")
	want := words.Format("journal.chart.pain.summary.one", "n", "1", "from", shortDate(day), "first", "6")
	if caption != want {
		t.Errorf("the pain chart says %q; want %q (the rating at the spasm's own date, not today %s)", caption, want, today)
	}
	// The dot is drawn where that date is on the axis: left of the middle
	// of a 12-week chart, not at its right edge (today).
	var dotX, width float64
	runIn(t, ctx, "reading the dot", chromedp.Evaluate(`+document.querySelector("#chart-pain .chart-dot").getAttribute("cx")`, &dotX),
		chromedp.Evaluate(`document.querySelector("#chart-pain svg").viewBox.baseVal.width`, &width))
	if dotX > width*0.75 {
		t.Errorf("the rating is drawn at x=%.0f of %.0f: near today, not 40 days ago", dotX, width)
	}
}

// A check saved, then another check saved during the same spasm, leaves one
// spasm with both ratings: "add to this spasm" is offered and taken.
func TestBrowserCheckSavedTwiceLeavesOneSpasm(t *testing.T) {
	t.Parallel()
	j := newTriageJourney(t)
	answers := triage.Answers{"age_band": "20_to_49", "first_episode": "no", "duration": "under_2_days", "course": "same",
		"daily_activities": "limited", "sciatica": "no", "inflammatory": "no", "trigger": "lifting", "pain_now": "7"}
	j.answerAll(answers)
	if got := j.disposition(); got != "selfcare" {
		t.Fatalf("disposition = %q; want selfcare", got)
	}
	j.click("#triage-save")
	eventually(t, j.ctx, "saved as a new spasm", `document.querySelector("#triage-save").disabled`)

	// A day later (as far as the person is concerned): a fresh check.
	runIn(t, j.ctx, "a new check", chromedp.Navigate(j.base+"/triage"), appReady())
	answers["pain_now"], answers["trigger"] = "4", "sitting_long"
	j.answerAll(answers)
	if got := j.disposition(); got != "selfcare" {
		t.Fatalf("second disposition = %q; want selfcare", got)
	}
	j.click("#triage-save")
	eventually(t, j.ctx, "the question: this spasm or a new one", `document.querySelector('[data-action="attach-check"]') !== null && document.querySelector('[data-action="new-spasm"]') !== null`)
	j.click(`[data-action="attach-check"]`)
	eventually(t, j.ctx, "saved", `document.querySelector("#triage-save").disabled && document.querySelector('[data-action="new-spasm"]') === null`)

	rows := journalRows(t, j.ctx, j.base)
	if len(rows) != 1 {
		t.Fatalf("journal rows = %q; want one spasm", rows)
	}
	if caption := text(t, j.ctx, "#chart-weeks figcaption"); !strings.HasPrefix(caption, texts(t).Format("journal.chart.weeks.summary.one", "n", "1", "weeks", "12")) {
		t.Errorf("the weeks chart says %q; want 1 spasm", caption)
	}
	id, _, _ := strings.Cut(rows[0], "|")
	openEpisode(t, j.ctx, j.base, id)
	var ratings []string
	runIn(t, j.ctx, "reading the ratings", chromedp.Evaluate(`[...document.querySelectorAll(".pain-ratings li")].map(li => li.textContent)`, &ratings))
	if len(ratings) != 2 || !strings.Contains(ratings[0], "pain 7") || !strings.Contains(ratings[1], "pain 4") {
		t.Errorf("the spasm's ratings = %q; want 7 then 4", ratings)
	}
}

// A patient who only plays the routine their physio prescribed, on a fresh
// profile, finds the session in the journal and in the doctor summary.
func TestBrowserPrescribedRoutineIsListedWithoutASpasm(t *testing.T) {
	t.Parallel()
	c := shortRoutine(3 * time.Second)
	srv := startServer(t, "web", "")
	ctx := newBrowser(t).Tab()
	runIn(t, ctx, "opening the prescription", chromedp.Navigate(srv.URL+routine.EncodeLink(c)), appReady(),
		chromedp.Poll(`document.querySelector('[data-player-state="ready"]') !== null`, nil),
		chromedp.Click(`#pain-before [data-score="6"]`, chromedp.ByQuery))
	startPlayer(t, ctx)
	eventually(t, ctx, "the end", `document.querySelector('[data-outcome="completed"]') !== null`)
	runIn(t, ctx, "pain after", chromedp.Click(`#pain-after [data-score="3"]`, chromedp.ByQuery),
		chromedp.Poll(`document.querySelector('#pain-after [data-score="3"]').getAttribute("aria-pressed") === "true"`, nil))

	runIn(t, ctx, "opening the journal", chromedp.Navigate(srv.URL+"/journal"), appReady())
	eventually(t, ctx, "the journal read", `document.querySelector("main[aria-busy]") === null && document.querySelector("[data-session], [data-journal-empty]") !== null`)
	if text(t, ctx, "[data-journal-empty]") != "" {
		t.Fatal(`the journal says "Nothing here yet" after a routine was played`)
	}
	row := text(t, ctx, "[data-session]")
	if !strings.Contains(row, c.Name) || !strings.Contains(row, "2 of 2 steps") {
		t.Errorf("the session row says %q; want %q, 2 of 2 steps", row, c.Name)
	}
	words := texts(t)
	if got, want := text(t, ctx, "[data-sessions-week]"), words.Format("journal.sessions.week.one", "n", "1"); !strings.HasPrefix(got, want) ||
		!strings.Contains(got, "6 → 3") {
		t.Errorf("the sessions say %q; want it to start %q and give pain 6 → 3", got, want)
	}

	runIn(t, ctx, "opening the summary", chromedp.Navigate(srv.URL+"/journal/summary"), appReady())
	eventually(t, ctx, "the summary's sessions", `document.querySelector("[data-sessions]") !== null || document.querySelector("[data-summary-empty]") !== null`)
	var n string
	runIn(t, ctx, "reading", chromedp.Evaluate(`(document.querySelector("[data-sessions]") || {dataset: {}}).dataset.sessions || "none"`, &n))
	if n != "1" {
		t.Errorf("the doctor summary counts %s sessions; want 1", n)
	}
}

// A reload 3 s before the end of a hold resumes, paused, with 3 s left:
// the place is saved as the page goes away, not up to 3 s earlier.
func TestBrowserPlayerReloadKeepsTheTimeLeft(t *testing.T) {
	t.Parallel()
	// One 11 s hold: the periodic saves fall about 0, 3 and 6 s into it, so
	// a reload 8 s in (3 s left) is 2 s after the last of them.
	c := routine.Custom{Name: "One long hold", Steps: []routine.CustomStep{
		{Exercise: routine.SeatedForwardFold, Hold: 11 * time.Second, Reps: 1},
	}}
	srv := startServer(t, "web", "")
	ctx := newBrowser(t).Tab()
	runIn(t, ctx, "opening the link", chromedp.Navigate(srv.URL+routine.EncodeLink(c)), appReady(),
		chromedp.Poll(`document.querySelector('[data-player-state="ready"]') !== null`, nil))
	startPlayer(t, ctx)
	const secondsLeft = `+((document.querySelector(".player-countdown .visually-hidden") || {}).textContent || "NaN").match(/\d+|$/)[0]`
	eventually(t, ctx, "3 s left in the hold", fmt.Sprintf(`(() => { const r = document.querySelector("[data-player-state]");
		return r.dataset.phase === "hold" && %s <= 3; })()`, secondsLeft))
	// Where the player is at the instant of the reload: its last shown
	// elapsed time, moved on by the wall-clock time since it showed.
	var atReload float64
	runIn(t, ctx, "reloading", chromedp.Evaluate(`(() => {
		const l = window.elapsedLog[window.elapsedLog.length - 1];
		const at = l.e + (Date.now() - l.t);
		location.reload();
		return at;
	})()`, &atReload))
	eventually(t, ctx, "paused after the reload", `document.querySelector('[data-player-state="paused"]') !== null`)
	var paused float64
	var left int
	runIn(t, ctx, "reading the paused player", chromedp.Evaluate(`+document.querySelector("[data-player-state]").dataset.elapsedMs`, &paused),
		chromedp.Evaluate(secondsLeft, &left))
	if math.Abs(paused-atReload) > 500 || left != 3 {
		t.Errorf("after a reload with about 3 s left, the player resumes at %.0f ms with %d s left; want %.0f ms (±500) with 3 s left", paused, left, atReload)
	}
}
