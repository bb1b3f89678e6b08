package view

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
)

// renderRecheck is the safety net on a self-care result. It promises
// reminders only once the result is in the journal, which is what shows
// them: before that it says that saving lets the journal remind them.
func (p *triagePage) renderRecheck() app.UI {
	e := p.Env
	days := make([]string, len(journal.SafetyNetDays))
	for i, d := range journal.SafetyNetDays {
		days[i] = strconv.Itoa(d)
	}
	list := e.joinList(days)
	if !p.progress.Saved {
		return app.P().Class("notice").Attr("data-recheck-promise", "unsaved").
			Text(e.Text.Format("reminders.result.unsaved", "days", list))
	}
	saved := p.progress.SavedTo
	return app.Div().Class("notice").Attr("data-recheck-promise", "saved").Body(
		app.P().Text(e.Text.Format("reminders.result.saved", "days", list)),
		app.If(saved.ID != "", func() app.UI { // saved by a version that did not name it
			return e.reminders(journal.Episode{ID: saved.ID, Started: saved.Started})
		}),
	)
}
