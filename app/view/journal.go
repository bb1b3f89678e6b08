package view

import (
	"context"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
)

// chartWeeks is the period the journal's charts cover.
const chartWeeks = 12

// journalPage is the journal: a quick log, re-check prompts, charts of the
// last weeks, every episode newest first (a page at a time), sessions, the
// summary for the doctor, and backups. Other tabs' changes reload it.
type journalPage struct {
	app.Compo
	Env *Env

	ctx      app.Context // the page's own: loads report through it, never through a control's
	limit    int
	recent   []journal.Episode // the newest limit episodes
	total    int
	period   []journal.Episode // the last chartWeeks weeks: charts and safety net
	sessions []journal.Session
	now      time.Time
	loaded   bool
	loadErr  string // text key
	volatile bool
	stopFeed func()
	revision int // counts imports and deletes, for the activities
}

func (p *journalPage) OnPreRender(ctx app.Context) { p.ctx = ctx; p.Env.setTitle(ctx, "journal.title") }
func (p *journalPage) OnNav(ctx app.Context)       { p.Env.onNavTitle(ctx, "journal.title") }

func (p *journalPage) OnMount(ctx app.Context) {
	p.ctx = ctx
	p.limit = listPage
	p.stopFeed = p.Env.watchJournal(ctx, func(ctx app.Context, _ []string) { p.load() })
	p.load()
}

func (p *journalPage) OnDismount() {
	if p.stopFeed != nil {
		p.stopFeed()
	}
}

// journalLoad is what the page shows, read off the UI goroutine.
type journalLoad struct {
	recent, period []journal.Episode
	total          int
	sessions       []journal.Session
	now            time.Time
	volatile       bool
	err            error
}

// load reads what the page shows without blocking the UI.
func (p *journalPage) load() {
	limit, ctx := p.limit, p.ctx
	ctx.Async(func() {
		l := p.fetch(limit)
		ctx.Dispatch(func(app.Context) { p.show(l) })
	})
}

// fetch reads the newest limit episodes, the chart period and the
// sessions. It only reads p.Env, so it may run on any goroutine.
func (p *journalPage) fetch(limit int) journalLoad {
	e, bg := p.Env, context.Background()
	l := journalLoad{now: e.now(), volatile: e.journalVolatile()}
	l.recent, l.total, l.err = recentEpisodes(bg, e.Journal, limit)
	if l.err == nil {
		l.period, l.err = episodesSince(bg, e.Journal, journal.WeekStart(l.now, time.Local).AddDate(0, 0, -7*(chartWeeks-1)))
	}
	if l.err == nil {
		l.sessions, l.err = e.Journal.Sessions(bg)
	}
	return l
}

func (p *journalPage) show(l journalLoad) {
	p.loaded, p.now, p.volatile = true, l.now, l.volatile
	if l.err != nil {
		p.loadErr = journalErrorKey(l.err)
		return
	}
	p.loadErr = ""
	p.recent, p.total, p.period, p.sessions = l.recent, l.total, l.period, l.sessions
}

func (p *journalPage) onMore(app.Context, app.Event) {
	p.limit += listPage
	p.load()
}

// onDataChanged reloads after an import or "delete everything".
func (p *journalPage) onDataChanged() {
	p.limit, p.revision = listPage, p.revision+1
	p.load()
}

func (p *journalPage) Render() app.UI {
	e := p.Env
	// Sessions count on their own: a person who only plays the routine
	// their physio prescribed sees them, with or without a spasm logged.
	empty := p.loaded && p.loadErr == "" && p.total == 0 && len(p.sessions) == 0
	return e.loadingLayout("journal", !p.loaded,
		e.h1("journal.title"),
		e.volatileNotice(p.volatile),
		app.A().Class("action-primary journal-quick").Href(e.Href("/journal/new")).Attr("data-action", "quick-log").Body(
			e.span("action-title", "journal.quick.action"),
			e.span("action-text", "journal.quick.text"),
		),
		// One element whatever it holds, so that the activities after it
		// keep their place, and go-app keeps the same component (with
		// what is being typed, and its saves in flight) when the page has
		// loaded.
		app.Div().Class("journal-notices").Body(
			app.If(p.loadErr != "", func() app.UI {
				return app.P().Class("notice notice-error").Attr("role", "alert").Text(e.T(p.loadErr))
			}),
			e.safetyNets(p.period, p.now),
			app.If(empty, func() app.UI { return e.journalEmpty() }),
		),
		&activitySection{Env: e, Revision: p.revision},
		// One element whether or not there are records, so that "Your data"
		// after it stays the same component when an import brings the
		// first ones (go-app replaces a component whose place changes,
		// and the import's outcome with it).
		app.Div().Class("journal-records").Body(
			app.If(p.loaded && p.total > 0, func() app.UI {
				return app.Div().Body(
					e.journalCharts(p.period, p.now),
					e.episodeList(p.recent, p.total, p.onMore),
				)
			}),
			app.If(p.loaded, func() app.UI { return e.sessionList(p.sessions, p.now) }),
			app.If(p.loaded && (p.total > 0 || len(p.sessions) > 0), func() app.UI {
				return app.Section().Class("journal-doctor").Attr("aria-labelledby", "journal-doctor-title").Body(
					e.h2("journal-doctor-title", "journal.doctor.title"),
					e.para("", "journal.doctor.text"),
					e.link("btn", "/journal/summary", "journal.doctor.open"),
				)
			}),
		),
		&journalData{Env: e, OnChange: p.onDataChanged},
	)
}

// volatileNotice says, on every journal page, when nothing will be kept.
func (e *Env) volatileNotice(volatile bool) app.UI {
	// The slot is there either way. The journal's storage can fail after the
	// page is drawn; a notice inserted among the page's elements then made
	// go-app redraw every element after it, taking keyboard focus and a tap
	// in progress with them. And a live region is announced only when it
	// exists before its words arrive.
	slot := app.Div().Class("journal-volatile-slot").Attr("role", "alert")
	if !volatile {
		return slot
	}
	return slot.Body(app.P().Class("notice notice-warn journal-volatile").Text(e.T("journal.volatile")))
}

// journalEmpty is the first visit: what the journal is for and how to
// start.
func (e *Env) journalEmpty() app.UI {
	return app.Div().Class("journal-empty card").Attr("data-journal-empty", "true").Body(
		app.H2().Text(e.T("journal.empty.title")),
		e.para("", "journal.empty.text"),
		e.para("hint", "journal.empty.private"),
	)
}

// journalCharts are the four charts of the last chartWeeks weeks.
func (e *Env) journalCharts(period []journal.Episode, now time.Time) app.UI {
	from := journal.WeekStart(now, time.Local).AddDate(0, 0, -7*(chartWeeks-1))
	points := journal.PainSeries(period)
	weeks := journal.EpisodesPerWeek(period, now, chartWeeks, time.Local)
	triggers := journal.TopTriggers(period)
	helped := journal.WhatHelped(period)
	return app.Section().Class("journal-charts").Attr("aria-labelledby", "journal-charts-title").Body(
		app.H2().ID("journal-charts-title").Text(e.Text.Format("journal.charts.title", "weeks", num(chartWeeks))),
		app.Div().Class("chart-grid").Body(
			e.figure("chart-pain", "journal.chart.pain.title", e.painChart(points, from, now), e.painSummary(points)),
			e.figure("chart-weeks", "journal.chart.weeks.title", e.weekChart(weeks), e.weekSummary("journal.chart.weeks.summary", weeks)),
			e.figure("chart-triggers", "journal.chart.triggers.title", e.triggerChart(triggers), e.triggerSummary(triggers)),
			e.figure("chart-helped", "journal.chart.helped.title", e.helpedChart(helped), e.helpedSummary(helped)),
		),
	)
}
