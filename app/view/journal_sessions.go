package view

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
)

// recentSessions is how many sessions the journal lists.
const recentSessions = 5

// sessionList shows the routine sessions: how many lately, the streak, and
// the latest few.
func (e *Env) sessionList(sessions []journal.Session, now time.Time) app.UI {
	if len(sessions) == 0 {
		return nil
	}
	weeks := journal.SessionsPerWeek(sessions, now, chartWeeks, time.Local)
	n := 0
	for _, w := range weeks {
		n += w.Count
	}
	latest := sessions[:min(recentSessions, len(sessions))]
	return app.Section().Class("journal-sessions").Attr("aria-labelledby", "journal-sessions-title").Body(
		e.h2("journal-sessions-title", "journal.sessions.title"),
		app.P().Text(e.plural("journal.sessions.summary", n, "weeks", num(chartWeeks),
			"streak", num(journal.SessionStreak(sessions, now, time.Local)))),
		app.Ul().Class("session-rows").Body(app.Range(latest).Slice(func(i int) app.UI {
			return app.Li().Attr("data-session", latest[i].ID).Text(e.sessionLine(latest[i]))
		})),
	)
}

// sessionLine is "Mon 3 March, 14:05: Quick relief, 8 of 8 steps, pain 6 to 3".
func (e *Env) sessionLine(s journal.Session) string {
	facts := []string{s.RoutineName, e.Text.Format("journal.sessions.steps", "done", num(s.StepsDone), "total", num(s.StepsTotal))}
	if s.PainBefore != nil && s.PainAfter != nil {
		facts = append(facts, e.Text.Format("journal.sessions.pain", "before", num(*s.PainBefore), "after", num(*s.PainAfter)))
	}
	return e.Text.Format("journal.sessions.line", "when", e.dayTime(s.Started), "facts", e.joinList(facts))
}
