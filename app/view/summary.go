package view

import (
	"context"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
)

// summaryMonths are the periods the summary offers; 0 is everything.
var summaryMonths = []int{3, 6, 12, 0}

// summaryTimelineRows keeps the summary to one or two printed pages.
const summaryTimelineRows = 20

// summaryPage is the journal for a clinician, made to print on one or two
// A4 pages: the period, key facts, the pain chart, a timeline, triggers,
// what helped, medicines named, warning signs ever reported, and routine
// sessions.
type summaryPage struct {
	app.Compo
	Env *Env

	months   int
	episodes []journal.Episode // in the period, newest first
	sessions []journal.Session // in the period
	// activities are the PSFS activities, all of them (summaryActivities)
	activities []journal.Activity
	now        time.Time
	loaded     bool
	loadErr    string
	volatile   bool
	ctx        app.Context // the page's own: loads report through it
}

func (p *summaryPage) OnPreRender(ctx app.Context) {
	p.ctx = ctx
	p.Env.setTitle(ctx, "journal.summary.title")
}
func (p *summaryPage) OnNav(ctx app.Context) { p.Env.onNavTitle(ctx, "journal.summary.title") }

func (p *summaryPage) OnMount(ctx app.Context) {
	p.ctx = ctx
	if p.months == 0 {
		p.months = 6
	}
	p.load()
}

// since is the start of the period, or zero for everything.
func (p *summaryPage) since(now time.Time) time.Time {
	if p.months <= 0 {
		return time.Time{}
	}
	return now.AddDate(0, -p.months, 0)
}

func (p *summaryPage) load() {
	months, ctx := p.months, p.ctx
	ctx.Async(func() {
		l := p.fetch(months)
		ctx.Dispatch(func(app.Context) {
			if months == p.months { // else a newer choice is loading
				p.show(l)
			}
		})
	})
}

// summaryLoad is the period's records, read off the UI goroutine.
type summaryLoad struct {
	episodes   []journal.Episode
	sessions   []journal.Session
	activities []journal.Activity
	now        time.Time
	volatile   bool
	err        error
}

// fetch reads the episodes and sessions of the last months (0: all); it
// only reads p.Env.
func (p *summaryPage) fetch(months int) summaryLoad {
	e, bg := p.Env, context.Background()
	l := summaryLoad{now: e.now(), volatile: e.journalVolatile()}
	since := time.Time{}
	if months > 0 {
		since = l.now.AddDate(0, -months, 0)
		l.episodes, l.err = episodesSince(bg, e.Journal, since)
	} else {
		l.episodes, l.err = e.Journal.Episodes(bg)
	}
	if l.err == nil {
		l.sessions, l.err = e.Journal.Sessions(bg)
	}
	if l.err == nil {
		l.activities, l.err = e.Journal.Activities(bg)
	}
	n := 0
	for n < len(l.sessions) && !l.sessions[n].Started.Before(since) {
		n++
	}
	l.sessions = l.sessions[:n]
	return l
}

func (p *summaryPage) show(l summaryLoad) {
	p.loaded, p.now, p.volatile = true, l.now, l.volatile
	p.loadErr = ""
	if l.err != nil {
		p.loadErr = journalErrorKey(l.err)
		return
	}
	p.episodes, p.sessions, p.activities = l.episodes, l.sessions, l.activities
}

func (p *summaryPage) onPrint(ctx app.Context, ev app.Event) { p.Env.Platform.Print() }

func (p *summaryPage) Render() app.UI {
	e := p.Env
	return e.loadingLayout("journal", !p.loaded,
		e.h1("journal.summary.title"),
		app.P().Class("summary-meta").Text(e.Text.Format("journal.summary.meta", "date", e.date(p.nowOr()))),
		e.volatileNotice(p.volatile),
		p.renderControls(),
		app.If(p.loadErr != "", func() app.UI {
			return app.P().Class("notice notice-error").Attr("role", "alert").Text(e.T(p.loadErr))
		}),
		app.If(p.loaded && p.loadErr == "" && len(p.episodes) == 0 && len(p.sessions) == 0 && len(p.activities) == 0, func() app.UI {
			return app.P().Class("notice").Attr("data-summary-empty", "true").Text(e.T("journal.summary.empty"))
		}),
		app.If(p.loaded && len(p.episodes) > 0, func() app.UI { return p.renderBody() }).
			ElseIf(p.loaded && (len(p.sessions) > 0 || len(p.activities) > 0), func() app.UI {
				// No spasm logged: routine sessions (a prescribed routine
				// played) and activities are still worth showing the
				// clinician.
				from := p.since(p.now)
				if from.IsZero() && len(p.sessions) > 0 {
					from = p.sessions[len(p.sessions)-1].Started
				}
				return app.Div().Class("summary").Body(
					app.If(!from.IsZero(), func() app.UI {
						return app.P().Class("summary-period").Attr("data-summary-period", "true").Text(e.Text.Format("journal.summary.covered",
							"from", e.date(from), "to", e.date(p.now)))
					}),
					app.If(len(p.activities) > 0, func() app.UI { return e.summaryActivities(p.activities) }),
					app.If(len(p.sessions) > 0, func() app.UI { return e.summarySessions(p.sessions) }),
				)
			}),
	)
}

func (p *summaryPage) nowOr() time.Time {
	if p.now.IsZero() {
		return p.Env.now()
	}
	return p.now
}

// renderControls: the period and the Print button, not printed.
func (p *summaryPage) renderControls() app.UI {
	e := p.Env
	return app.Div().Class("summary-controls no-print").Body(
		app.FieldSet().Class("field").Body(
			e.legend("journal.summary.period"),
			app.Div().Class("segmented").Body(app.Range(summaryMonths).Slice(func(i int) app.UI {
				m := summaryMonths[i]
				id := "summary-months-" + num(m)
				return app.Label().Class("segment").For(id).Body(
					app.Input().Type("radio").ID(id).Name("summary-months").Value(num(m)).Checked(m == p.months).
						OnChange(func(app.Context, app.Event) { p.months = m; p.load() }),
					app.Span().Text(e.T("journal.summary.months."+num(m))),
				)
			})),
		),
		app.Div().Class("actions").Body(
			app.Button().Type("button").Class("btn").Attr("data-action", "print").OnClick(p.onPrint).Text(e.T("journal.summary.print")),
			e.link("btn btn-quiet", "/journal", "journal.back"),
		),
		e.para("hint", "journal.summary.print_hint"),
	)
}

func (p *summaryPage) renderBody() app.UI {
	e, eps, now := p.Env, p.episodes, p.now
	oldest := eps[len(eps)-1].Started
	from := p.since(now)
	if from.IsZero() || oldest.Before(from) {
		from = oldest
	}
	points := journal.PainSeries(eps)
	triggers := journal.TopTriggers(eps)
	helped := journal.WhatHelped(eps)
	return app.Div().Class("summary").Body(
		app.P().Class("summary-period").Attr("data-summary-period", "true").Text(e.Text.Format("journal.summary.covered",
			"from", e.date(from), "to", e.date(now))),
		p.renderFacts(),
		app.Div().Class("chart-grid summary-charts").Body(
			e.figure("summary-pain", "journal.chart.pain.title", e.painChart(points, from, now), e.painSummary(points)),
			e.figure("summary-triggers", "journal.chart.triggers.title", e.triggerChart(triggers), e.triggerSummary(triggers)),
			e.figure("summary-helped", "journal.chart.helped.title", e.helpedChart(helped), e.helpedSummary(helped)),
		),
		app.If(len(p.activities) > 0, func() app.UI { return e.summaryActivities(p.activities) }),
		p.renderTimeline(),
		e.summaryMedicines(eps),
		e.summaryWarnings(eps),
		e.summarySessions(p.sessions),
	)
}
