package view

import (
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
)

// maxSafetyPrompts keeps the journal readable if several episodes overlap.
const maxSafetyPrompts = 3

// dueSafetyNets returns the ongoing episodes whose re-check is due now,
// newest first, with the day reached.
func dueSafetyNets(eps []journal.Episode, now time.Time) (due []journal.Episode, days []int) {
	for _, ep := range eps {
		if now.Sub(ep.Started) > journal.SafetyNetWindow() {
			continue
		}
		if day, ok := journal.SafetyNet(ep, now); ok {
			due = append(due, ep)
			days = append(days, day)
			if len(due) == maxSafetyPrompts {
				break
			}
		}
	}
	return due, days
}

// safetyNetPrompt is the CLINICAL.md re-check for one episode; extra
// controls follow its own (Home's "Not now" and calendar reminders).
func (e *Env) safetyNetPrompt(ep journal.Episode, day int, withLink bool, extra ...app.UI) app.UI {
	return app.Div().Class("notice notice-warn safety-net").Attr("data-safety-day", strconv.Itoa(day)).Body(
		app.P().Class("safety-net-title").Text(e.Text.Format("journal.safety.title",
			"day", strconv.Itoa(day), "date", e.day(ep.Started))),
		e.para("", "journal.safety.text"),
		app.Div().Class("actions").Body(
			e.link("btn btn-small", "/triage", "journal.safety.check"),
			e.activityRecheckLink(),
			app.If(withLink, func() app.UI {
				return app.A().Class("btn btn-small btn-quiet").Href(e.Href("/journal/" + ep.ID)).
					Text(e.Text.Format("journal.safety.open", "date", e.shortDate(ep.Started)))
			}),
			app.Range(extra).Slice(func(i int) app.UI { return extra[i] }),
		),
	)
}

// safetyNets shows the due prompts of eps, if any.
func (e *Env) safetyNets(eps []journal.Episode, now time.Time) app.UI {
	due, days := dueSafetyNets(eps, now)
	if len(due) == 0 {
		return nil
	}
	return app.Section().Class("safety-nets").Attr("aria-label", e.T("journal.safety.label")).Body(
		app.Range(due).Slice(func(i int) app.UI { return e.safetyNetPrompt(due[i], days[i], true) }),
	)
}

// safetyNetDue is journal.SafetyNet at the Env's time.
func safetyNetDue(ep journal.Episode, e *Env) (int, bool) { return journal.SafetyNet(ep, e.now()) }
