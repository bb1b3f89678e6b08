package view

import (
	"context"
	"slices"
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
)

// Quick-log steps: three taps, then saved.
const (
	quickPain = iota
	quickWhere
	quickTrigger
	quickSaved
)

// quickLogPage logs an episode in three taps, for a person in pain: how
// bad (0–10), where, and what set it off, each a big button (or Skip). The
// third tap saves; details can be added after.
type quickLogPage struct {
	app.Compo
	Env *Env

	step     int
	ep       journal.Episode // what is being logged
	saveErr  string          // text key
	volatile bool
	ctx      app.Context // the page's own: focus moves after the tapped button is gone
}

func (p *quickLogPage) OnPreRender(ctx app.Context) {
	p.ctx = ctx
	p.Env.setTitle(ctx, "journal.quick.title")
}
func (p *quickLogPage) OnNav(ctx app.Context) { p.Env.onNavTitle(ctx, "journal.quick.title") }

func (p *quickLogPage) OnMount(ctx app.Context) {
	p.ctx = ctx
	p.reset()
	e := p.Env
	ctx.Async(func() {
		volatile := e.journalVolatile()
		ctx.Dispatch(func(app.Context) { p.volatile = volatile })
	})
}

func (p *quickLogPage) reset() {
	p.step, p.saveErr = quickPain, ""
	p.ep = journal.Episode{}
}

func (p *quickLogPage) Render() app.UI {
	e := p.Env
	return e.layout("journal",
		e.h1("journal.quick.title"),
		e.volatileNotice(p.volatile),
		app.If(p.step < quickSaved, func() app.UI {
			return app.P().Class("quick-progress").Text(e.Text.Format("journal.quick.step", "n", num(p.step+1), "of", "3"))
		}),
		app.If(p.step == quickPain, func() app.UI {
			return e.painPicker(painPicker{id: "quick-pain-step", legend: "journal.quick.pain", hint: "journal.quick.pain.hint", hook: "pain", legendID: "quick-pain",
				choose: func(_ app.Context, score int) { p.choose("pain", itoa(score)) }}, p.stepActions("pain"))
		}).ElseIf(p.step == quickWhere, func() app.UI {
			return p.choices("where", "journal.quick.where", "", journal.Wheres, func(v string) string { return e.T("journal.where." + v) })
		}).ElseIf(p.step == quickTrigger, func() app.UI {
			return p.choices("trigger", "journal.quick.trigger", "journal.quick.trigger.hint", journal.TriggerIDs, func(v string) string { return e.T("journal.trigger." + v) })
		}).Else(func() app.UI { return p.renderSaved() }),
		app.P().Class(statusClass(p.saveErr != "")).Attr("role", "status").Attr("aria-live", "polite").Body(
			app.If(p.saveErr != "", func() app.UI { return app.Text(e.T(p.saveErr)) }),
		),
	)
}

// choices is one step: a legend and a big button per value, then Back and
// Skip. The buttons carry data-<name>="<value>".
func (p *quickLogPage) choices(name, legendKey, hintKey string, values []string, label func(string) string) app.UI {
	e := p.Env
	fs := app.FieldSet().Class("quick-step quick-" + name)
	if hintKey != "" {
		fs = fs.Attr("aria-describedby", "quick-"+name+"-hint")
	}
	return fs.Body(
		app.Legend().ID("quick-"+name).TabIndex(-1).Class("quick-legend").Text(e.T(legendKey)),
		app.If(hintKey != "", func() app.UI { return e.paraID("hint", "quick-"+name+"-hint", hintKey) }),
		app.Div().Class("quick-choices quick-choices-"+name).Body(app.Range(values).Slice(func(i int) app.UI {
			v := values[i]
			return app.Button().Type("button").Class("btn quick-choice").Attr("data-"+name, v).
				OnClick(func(app.Context, app.Event) { p.choose(name, v) }).Text(label(v))
		})),
		p.stepActions(name),
	)
}

// stepActions are Back (after the first step) and Skip.
func (p *quickLogPage) stepActions(name string) app.UI {
	e := p.Env
	return app.Div().Class("actions").Body(
		app.If(p.step > quickPain, func() app.UI {
			return app.Button().Type("button").Class("btn btn-quiet").Attr("data-action", "quick-back").OnClick(p.onBack).Text(e.T("journal.quick.back"))
		}),
		app.Button().Type("button").Class("btn btn-quiet").Attr("data-action", "quick-skip").
			OnClick(func(app.Context, app.Event) { p.choose(name, "") }).Text(e.T("journal.quick.skip")),
	)
}

// choose records one answer ("" for Skip) and moves on; the third saves.
func (p *quickLogPage) choose(name, v string) {
	now := p.Env.now()
	switch name {
	case "pain":
		p.ep.Pain = nil
		if n, err := strconv.Atoi(v); err == nil {
			p.ep.Pain = []journal.PainRating{{At: now, Score: n}}
		}
	case "where":
		p.ep.Where = v
	case "trigger":
		p.ep.Triggers = nil
		if v != "" {
			p.ep.Triggers = []string{v}
		}
		p.save(now)
		return
	}
	p.step++
	focusID(p.ctx, "quick-"+[]string{"pain", "where", "trigger"}[p.step])
}

func (p *quickLogPage) onBack(ctx app.Context, ev app.Event) {
	if p.step > quickPain {
		p.step--
	}
	p.saveErr = ""
}

// save writes the new episode, started now. A failure keeps the answers so
// the third tap can be tried again.
func (p *quickLogPage) save(now time.Time) {
	ep := p.ep
	if ep.ID == "" {
		fresh := journal.NewEpisode(now)
		ep.ID, ep.Started, ep.Created, ep.Updated = fresh.ID, now, now, now
		// "How bad is it right now?" is the pain as the spasm is logged: at
		// its start, so that dating the spasm back takes the rating along.
		ep.Pain = slices.Clone(ep.Pain)
		for i := range ep.Pain {
			ep.Pain[i].At = now
		}
	}
	if err := p.Env.Journal.PutEpisode(context.Background(), ep, time.Time{}); err != nil {
		p.saveErr = journalErrorKey(err)
		return
	}
	p.ep, p.saveErr, p.step = ep, "", quickSaved
	focusID(p.ctx, "quick-saved")
}

func (p *quickLogPage) renderSaved() app.UI {
	e := p.Env
	return app.Div().Class("quick-saved").Attr("data-saved-episode", p.ep.ID).Body(
		app.H2().ID("quick-saved").TabIndex(-1).Text(e.T("journal.quick.saved")),
		app.P().Text(e.joinList(e.episodeFacts(p.ep))),
		app.Div().Class("actions").Body(
			app.A().Class("btn").Href(e.Href("/journal/"+p.ep.ID)).Attr("data-action", "add-details").Text(e.T("journal.quick.details")),
			e.link("btn btn-quiet", "/journal", "journal.quick.to_journal"),
		),
		app.P().Class("hint").Body(
			app.Text(e.T("journal.quick.check_hint")+" "),
			app.A().Href(e.Href("/triage")).Text(e.T("journal.quick.check")),
		),
	)
}
