//go:build !(js && wasm)

package view

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"unknot/app/journal"
	"unknot/app/routine"
	"unknot/wasm/browser"
)

func TestSessionPlannerMakesThePlanOrSaysWhatIsWrong(t *testing.T) {
	env := testEnv(t, browser.New())
	page, _ := url.Parse("https://example.org/back-care/")
	env.Base = "/back-care"
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.Local)
	x := newSessionPlanner()
	if p := x.plan(env, page, now); p != nil {
		t.Fatalf("no routine chosen gave a plan: %+v", p)
	}
	x.routine, x.at, x.weeks = "quick_relief", "07:30", " 3 "
	x.days[time.Friday], x.days[time.Wednesday] = true, true
	p := x.plan(env, page, now)
	r, _ := env.Catalog.Routines().Routine(routine.RoutineID("quick_relief"))
	if p == nil || p.Link != "https://example.org/back-care/routines/quick_relief" || p.Hour != 7 || p.Minute != 30 || p.Weeks != 3 ||
		p.Length != r.Duration || len(p.Weekdays) != 2 || p.Weekdays[0] != time.Wednesday || p.Weekdays[1] != time.Friday ||
		!p.From.Equal(time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)) || p.Summary != env.T("reminders.ics.routine") {
		t.Fatalf("plan = %+v", p)
	}

	for _, tc := range []struct {
		name   string
		change func(x *sessionPlanner)
		want   string
	}{
		{"no day", func(x *sessionPlanner) { x.days = [7]bool{} }, env.T("reminders.plan.no_day")},
		{"no time", func(x *sessionPlanner) { x.at = "" }, env.T("reminders.plan.bad_time")},
		{"weeks not a number", func(x *sessionPlanner) { x.weeks = "four" }, env.Text.Format("reminders.plan.bad_weeks", "max", "12")},
		{"too many weeks", func(x *sessionPlanner) { x.weeks = "13" }, env.Text.Format("reminders.plan.bad_weeks", "max", "12")},
	} {
		y := x
		tc.change(&y)
		var b strings.Builder
		err := journal.WriteReminders(&b, journal.Reminders{EpisodeID: "e", Summary: "s", Link: "https://example.org/triage", Sessions: y.plan(env, page, now)}, now)
		if got := planProblem(env, err); got != tc.want {
			t.Errorf("%s: says %q; want %q", tc.name, got, tc.want)
		}
	}
}
