package view

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
)

func (s *activitySection) Render() app.UI {
	e := s.Env
	return app.Section().ID(activitiesAnchor).Class("journal-activities").Attr("aria-labelledby", "activities-title").Body(
		e.h2("activities-title", "psfs.title"),
		e.para("", "psfs.text"),
		app.If(s.loaded && len(s.activities) == 0, func() app.UI {
			return app.P().Class("hint").Attr("data-activities-empty", "true").Text(e.T("psfs.empty"))
		}),
		app.Div().Class("activity-list").Body(
			app.Range(s.activities).Slice(func(i int) app.UI { return s.renderActivity(s.activities[i]) }),
		),
		app.If(s.removed != nil, func() app.UI {
			return app.Div().Class("notice activity-removed").Body(
				app.P().Text(e.Text.Format("psfs.removed", "name", s.removed.Name)),
				app.Button().Type("button").Class("btn btn-small").ID("activity-undo").Attr("data-action", "undo-remove-activity").
					Disabled(s.busy).OnClick(s.onUndo).Text(e.T("psfs.undo")),
			)
		}),
		app.If(s.loaded && len(s.activities) < journal.MaxActivities, func() app.UI { return s.renderAdd() }).
			ElseIf(s.loaded, func() app.UI {
				return app.P().Class("hint").Attr("data-activities-full", "true").Text(e.Text.Format("psfs.full", "max", num(journal.MaxActivities)))
			}),
		app.P().ID("activities-status").Class(statusClass(s.statusErr)).Attr("role", "status").Attr("aria-live", "polite").Text(s.status),
	)
}

// renderAdd is the form that names a new activity.
func (s *activitySection) renderAdd() app.UI {
	e := s.Env
	return app.Form().Class("activity-add").OnSubmit(s.onAdd).Body(
		app.Div().Class("field").Body(
			e.label("activity-name", "psfs.add.label"),
			e.paraID("hint", "activity-name-hint", "psfs.add.hint"),
			app.Input().Type("text").ID("activity-name").MaxLength(journal.MaxActivityNameRunes).
				Attr("aria-describedby", "activity-name-hint").Attr("autocomplete", "off").Value(s.name).
				OnInput(func(ctx app.Context, ev app.Event) { s.name = ctx.JSSrc().Get("value").String() }),
		),
		app.Button().Type("submit").Class("btn").Attr("data-action", "add-activity").Disabled(s.busy).Text(e.T("psfs.add.button")),
	)
}

// renderActivity is one activity: its name, its chart and the words on
// change, and either the picker (when rating) or Rate and Remove.
func (s *activitySection) renderActivity(a journal.Activity) app.UI {
	e := s.Env
	id := a.ID
	pickerID := "rate-" + id
	rs := a.SortedRatings()
	return app.Article().Class("activity").Attr("data-activity", id).Attr("aria-labelledby", "activity-"+id+"-name").Body(
		app.H3().ID("activity-"+id+"-name").Class("activity-name").Text(a.Name),
		app.If(len(rs) > 0, func() app.UI {
			return app.Figure().Class("chart activity-chart").Body(
				app.Raw(e.activityChart(rs, e.now())),
				app.FigCaption().Class("chart-summary").Attr("data-activity-change", "true").Text(e.activityChangeWords(a)),
			)
		}).Else(func() app.UI {
			return app.P().Class("hint").Text(e.T("psfs.unrated"))
		}),
		app.If(s.rating == id, func() app.UI {
			return e.painPicker(painPicker{
				id: pickerID, legend: "psfs.rate.legend", hint: "psfs.rate.hint", hook: "function",
				legendID: pickerID + "-legend",
				choose:   func(ctx app.Context, score int) { s.onRate(id, score) },
			}, app.Button().Type("button").Class("btn btn-quiet btn-small").Attr("data-action", "rate-cancel").
				OnClick(func(ctx app.Context, ev app.Event) { s.rating = "" }).Text(e.T("psfs.rate.cancel")))
		}).Else(func() app.UI {
			return app.Div().Class("actions").Body(
				app.Button().Type("button").Class("btn btn-small").Attr("data-action", "rate-activity").Disabled(s.busy).
					OnClick(func(ctx app.Context, ev app.Event) {
						s.rating = id
						focusID(s.ctx, pickerID+"-legend") // this button is gone after the render

					}, app.EventScope(id)).Text(e.T("psfs.rate.button")),
				app.Button().Type("button").Class("btn btn-quiet btn-small").Attr("data-action", "remove-activity").Disabled(s.busy).
					OnClick(func(ctx app.Context, ev app.Event) { s.onRemove(id) }, app.EventScope(id)).Text(e.T("psfs.remove")),
			)
		}),
	)
}

// activityRecheckLink is the re-check prompt's way to the activities: rate
// them again now.
func (e *Env) activityRecheckLink() app.UI {
	return app.A().Class("btn btn-small btn-quiet").Attr("data-action", "recheck-activities").
		Href(e.Href("/journal#" + activitiesAnchor)).Text(e.T("psfs.recheck"))
}
