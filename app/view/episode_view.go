package view

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
)

func (p *episodePage) Render() app.UI {
	e := p.Env
	title := e.T("journal.episode.title_plain")
	if p.loaded && !p.missing && p.loadErr == "" {
		title = e.Text.Format("journal.episode.title", "date", e.day(p.stored.Started))
	}
	return e.layout("journal",
		app.H1().Text(title),
		e.volatileNotice(p.volatile),
		app.If(p.loadErr != "", func() app.UI {
			return app.P().Class("notice notice-error").Attr("role", "alert").Text(e.T(p.loadErr))
		}),
		app.If(p.elsewhere && p.deleted == nil, func() app.UI { return p.renderElsewhere() }),
		app.If(p.deleted != nil, func() app.UI { return p.renderDeleted() }).
			ElseIf(p.missing, func() app.UI {
				return app.Div().Class("notice").Attr("data-episode-missing", "true").Body(
					e.para("", "journal.episode.gone"),
					app.A().Href(e.Href("/journal")).Text(e.T("journal.back")),
				)
			}).
			ElseIf(p.loaded && p.loadErr == "", func() app.UI { return p.renderEpisode() }),
		app.P().Class(statusClass(p.statusErr)).ID("episode-status").Attr("role", "status").Attr("aria-live", "polite").Text(p.status),
	)
}

// renderElsewhere says the episode changed in another tab and offers to
// reload; the form keeps what was typed until then.
func (p *episodePage) renderElsewhere() app.UI {
	e := p.Env
	return app.Div().Class("notice notice-warn").Attr("data-conflict", "true").Attr("role", "alert").Body(
		e.para("", "journal.episode.elsewhere"),
		app.Button().Type("button").Class("btn btn-small").Attr("data-action", "reload-episode").OnClick(p.onReload).Text(e.T("journal.episode.reload")),
	)
}

func (p *episodePage) renderDeleted() app.UI {
	e := p.Env
	return app.Div().Class("notice episode-deleted").Attr("data-deleted", p.deleted.ID).Body(
		e.para("", "journal.episode.deleted_text"),
		app.Div().Class("actions").Body(
			app.Button().Type("button").Class("btn").ID("episode-undo").Attr("data-action", "undo-delete").OnClick(p.onUndo).Text(e.T("journal.episode.undo")),
			e.link("btn btn-quiet", "/journal", "journal.back"),
		),
	)
}

func (p *episodePage) renderEpisode() app.UI {
	e, ep := p.Env, p.stored
	day, due := 0, false
	if e.now().Sub(ep.Started) <= journal.SafetyNetWindow() {
		day, due = safetyNetDue(ep, e)
	}
	return app.Div().Class("episode").Attr("data-episode-page", ep.ID).Body(
		app.If(due, func() app.UI { return e.safetyNetPrompt(ep, day, false) }),
		p.renderFacts(),
		e.reminders(ep),
		p.renderAddPain(),
		app.Div().Class("actions").Body(
			app.Button().Type("button").Class("btn btn-quiet").Attr("data-action", "toggle-over").OnClick(p.onOver).Text(e.T(overKey(ep.Ongoing()))),
		),
		p.renderForm(),
		app.Section().Class("episode-delete").Attr("aria-labelledby", "episode-delete-title").Body(
			e.h2("episode-delete-title", "journal.episode.delete_title"),
			e.para("hint", "journal.episode.delete_hint"),
			app.Button().Type("button").Class("btn btn-danger").Attr("data-action", "delete-episode").OnClick(p.onDelete).Text(e.T("journal.episode.delete")),
		),
		app.P().Body(app.A().Href(e.Href("/journal")).Text(e.T("journal.back"))),
	)
}

func overKey(ongoing bool) string {
	if ongoing {
		return "journal.episode.mark_over"
	}
	return "journal.episode.mark_ongoing"
}

// renderFacts is what was recorded, read-only: when, pain ratings, and a
// saved warning-sign check.
func (p *episodePage) renderFacts() app.UI {
	e, ep := p.Env, p.stored
	when := e.Text.Format("journal.episode.started", "when", e.dayTime(ep.Started))
	if ep.Ended != nil {
		when += " " + e.Text.Format("journal.episode.lasted", "duration", e.duration(ep.Ended.Sub(ep.Started)))
	} else {
		when += " " + e.T("journal.episode.ongoing")
	}
	return app.Section().Class("episode-facts card").Attr("aria-labelledby", "episode-facts-title").Body(
		e.h2("episode-facts-title", "journal.episode.facts"),
		app.P().Text(when),
		app.If(len(ep.Pain) == 0, func() app.UI { return e.para("muted", "journal.episode.no_pain") }).
			Else(func() app.UI {
				return app.Ul().Class("pain-ratings").Body(app.Range(ep.Pain).Slice(func(i int) app.UI {
					r := ep.Pain[i]
					return app.Li().Text(e.Text.Format("journal.episode.rating", "when", e.dayTime(r.At), "score", strconv.Itoa(r.Score)))
				}))
			}),
		app.If(ep.Triage != nil, func() app.UI {
			return app.P().Attr("data-triage", ep.Triage.Disposition).Text(e.Text.Format("journal.episode.triage",
				"when", e.dayTime(ep.Triage.At), "result", e.T("journal.disposition."+ep.Triage.Disposition)))
		}),
	)
}

// renderAddPain asks when the pain was felt (the spasm's start unless the
// person says now), then a choice on the pain picker adds the rating.
func (p *episodePage) renderAddPain() app.UI {
	e := p.Env
	when := func(now bool, id, words string) app.UI {
		hook := "start"
		if now {
			hook = "now"
		}
		return app.Label().Class("segment").For(id).Body(
			app.Input().Type("radio").ID(id).Name("add-pain-when").Checked(p.painNow == now).Attr("data-pain-when", hook).
				OnChange(func(ctx app.Context, ev app.Event) { p.painNow = now }),
			app.Span().Text(words),
		)
	}
	return app.Div().Class("add-pain").Body(
		app.FieldSet().Class("field").Body(
			e.legend("journal.episode.pain_when"),
			app.Div().Class("segmented").Body(
				when(false, "add-pain-start", e.Text.Format("journal.episode.pain_when.start", "when", e.dayTime(p.stored.Started))),
				when(true, "add-pain-now", e.T("journal.episode.pain_when.now")),
			),
		),
		e.painPicker(painPicker{id: "add-pain", legend: "journal.episode.add_pain", hint: "journal.quick.pain.hint", hook: "add-pain",
			choose: func(ctx app.Context, score int) { p.onAddPain(score) }}),
	)
}
