package view

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
)

// recentSessions is how many sessions the journal lists.
const recentSessions = 5

// sessionList shows the routine sessions of the chart period, whether or
// not any spasm was logged: how many this week and lately, pain before and
// after on average, a chart per week, the streak, and the latest few. The
// words and the rows come from one journal.DescribeSessions, so they agree.
func (e *Env) sessionList(sessions []journal.Session, now time.Time) app.UI {
	if len(sessions) == 0 {
		return nil
	}
	f := journal.DescribeSessions(sessions, now, chartWeeks, recentSessions, time.Local)
	weeks := journal.SessionsPerWeek(sessions, now, chartWeeks, time.Local)
	return app.Section().Class("journal-sessions").Attr("aria-labelledby", "journal-sessions-title").Body(
		e.h2("journal-sessions-title", "journal.sessions.title"),
		app.P().Attr("data-sessions-week", num(f.ThisWeek)).Text(e.sessionsSentence(f)),
		app.If(f.Done > 0, func() app.UI {
			return app.Div().Body(
				e.figure("chart-sessions", "journal.chart.sessions.title", e.weekChart(weeks),
					e.weekSummary("journal.sessions.period", weeks)),
				app.Ul().Class("session-rows").Body(app.Range(f.Listed).Slice(func(i int) app.UI {
					return app.Li().Attr("data-session", f.Listed[i].ID).Text(e.sessionLine(f.Listed[i]))
				})),
			)
		}),
	)
}

// sessionsSentence is "4 sessions this week. Pain before and after, on
// average over 4 sessions: 6 → 3. Days in a row: 3."
func (e *Env) sessionsSentence(f journal.SessionFacts) string {
	s := e.plural("journal.sessions.week", f.ThisWeek)
	if f.Done == 0 {
		// Otherwise the chart's caption says it.
		s += " " + e.plural("journal.sessions.period", f.Done, "weeks", num(chartWeeks))
	}
	if f.PainPairs > 0 {
		s += " " + e.painAverages(f.SessionTotals)
	}
	if f.Streak > 1 {
		s += " " + e.Text.Format("journal.sessions.streak", "streak", num(f.Streak))
	}
	return s
}

// painAverages is "Pain before and after, on average: 6 → 3." over the
// sessions with both scores.
func (e *Env) painAverages(t journal.SessionTotals) string {
	return e.plural("journal.sessions.pain_average", t.PainPairs,
		"before", e.decimal(t.PainBefore), "after", e.decimal(t.PainAfter))
}

// sessionLine is "Mon 3 March, 14:05: Quick relief, 8 of 8 steps, pain 6 to 3".
func (e *Env) sessionLine(s journal.Session) string {
	facts := []string{s.RoutineName, e.Text.Format("journal.sessions.steps", "done", num(s.StepsDone), "total", num(s.StepsTotal))}
	if s.PainBefore != nil && s.PainAfter != nil {
		facts = append(facts, e.Text.Format("journal.sessions.pain", "before", num(*s.PainBefore), "after", num(*s.PainAfter)))
	}
	return e.Text.Format("journal.sessions.line", "when", e.dayTime(s.Started), "facts", e.joinList(facts))
}
