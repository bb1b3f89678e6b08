package view

import (
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/routine"
)

// routinesPage lists the routines that suit the person, with two filters
// they can set once and forget, and the routines they made themselves.
type routinesPage struct {
	app.Compo
	Env *Env

	filter    routine.FilterOptions
	filterErr bool
	saved     savedRoutines
	status    string // text key of the last change to the saved list
	statusErr bool
	mounted   bool // running in the browser, handlers attached (data-mounted, for tests)
}

func (p *routinesPage) OnMount(ctx app.Context) { p.mounted = true }

func (p *routinesPage) OnInit() {
	p.filter = loadFilter(p.Env.Platform)
	p.saved = loadSaved(p.Env.Platform, p.Env.Catalog.Routines())
}

func (p *routinesPage) OnPreRender(ctx app.Context) { p.Env.setTitle(ctx, "routines.title") }
func (p *routinesPage) OnNav(ctx app.Context)       { p.Env.onNavTitle(ctx, "routines.title") }

func (p *routinesPage) Render() app.UI {
	e := p.Env
	list := e.Catalog.Routines().Filter(p.filter)
	return e.layout("routines",
		e.h1("routines.title"),
		e.para("lead", "routines.lead"),
		p.filters(),
		app.If(p.filter.Pregnant, func() app.UI {
			return e.para("notice", routine.NotePregnancy)
		}),
		app.If(p.filter.NoFloor, func() app.UI {
			return e.para("notice", routine.NoteNoFloor)
		}),
		app.H2().Text(e.T("routines.list.title")),
		app.If(len(list) == 0, func() app.UI {
			return e.para("notice notice-warn", "routines.list.none")
		}).Else(func() app.UI {
			return app.Ul().Class("routine-list").Body(
				app.Range(list).Slice(func(i int) app.UI { return p.routineCard(list[i]) }),
			)
		}),
		p.custom(),
		app.H2().Text(e.T("routines.safety.title")),
		app.Ul().Class("routine-safety").Body(
			e.li("routine.safety.hurt_not_harm"),
			e.li("routine.safety.start_small"),
			e.li("routine.safety.stop"),
		),
	)
}

func (p *routinesPage) filters() app.UI {
	e := p.Env
	return app.FieldSet().Class("field routine-filters").Attr("data-mounted", p.mounted).Body(
		e.legend("routines.filters.legend"),
		p.filterToggle("no-floor", "routines.filter.no_floor", p.filter.NoFloor, func(o *routine.FilterOptions, on bool) { o.NoFloor = on }),
		p.filterToggle("pregnant", "routines.filter.pregnant", p.filter.Pregnant, func(o *routine.FilterOptions, on bool) { o.Pregnant = on }),
		app.P().Class(statusClass(p.filterErr)).Attr("role", "status").Attr("aria-live", "polite").Body(
			app.If(p.filterErr, func() app.UI { return app.Text(e.T("routines.filter.save_error")) }),
		),
	)
}

func (p *routinesPage) filterToggle(id, key string, on bool, set func(*routine.FilterOptions, bool)) app.UI {
	id = "filter-" + id
	return app.Label().Class("switch").For(id).Body(
		app.Input().Type("checkbox").ID(id).Checked(on).
			OnChange(func(ctx app.Context, ev app.Event) {
				set(&p.filter, ctx.JSSrc().Get("checked").Bool())
				p.filterErr = saveFilter(p.Env.Platform, p.filter) != nil
			}),
		app.Span().Text(p.Env.T(key)),
	)
}

// routineCard is one routine as a large link: name, purpose, and a line of
// facts (time, positions, what was left out).
func (p *routinesPage) routineCard(r routine.Routine) app.UI {
	e := p.Env
	facts := []string{e.Text.Format("routines.duration", "minutes", minutes(r.Duration))}
	for _, k := range routinePositions(e.Catalog.Routines(), r) {
		facts = append(facts, e.T(k))
	}
	if n := len(r.Omitted); n > 0 {
		facts = append(facts, e.Text.Format("routines.omitted", "count", strconv.Itoa(n)))
	}
	return app.Li().Body(
		app.A().Class("card routine-card").Href(e.Href("/routines/"+string(r.ID))).Attr("data-routine", string(r.ID)).Body(
			e.span("card-title", r.NameKey),
			e.span("card-text", r.PurposeKey),
			app.Span().Class("routine-facts").Text(strings.Join(facts, " · ")),
		),
	)
}

func (p *routinesPage) custom() app.UI {
	e := p.Env
	list := p.saved.List
	return app.Section().Class("routine-custom").Attr("aria-labelledby", "custom-title").Body(
		e.h2("custom-title", "routines.custom.title"),
		app.If(p.saved.Err != nil, func() app.UI {
			return app.Div().Class("notice notice-warn").Body(
				e.para("", "routines.custom.corrupt"),
				app.Button().Class("btn btn-quiet").Type("button").ID("custom-reset").
					Text(e.T("routines.custom.reset")).OnClick(p.onReset),
			)
		}).ElseIf(len(list) == 0, func() app.UI {
			return e.para("muted", "routines.custom.empty")
		}).Else(func() app.UI {
			return app.Ul().Class("routine-list").Body(
				app.Range(list).Slice(func(i int) app.UI { return p.savedCard(i) }),
			)
		}),
		app.P().Class(statusClass(p.statusErr)).Attr("role", "status").Attr("aria-live", "polite").Body(
			app.If(p.status != "", func() app.UI { return app.Text(e.T(p.status)) }),
		),
		e.link("btn", "/routines/new", "routines.custom.make"),
	)
}

func (p *routinesPage) savedCard(i int) app.UI {
	e := p.Env
	s := p.saved.List[i]
	name := e.customName(s.Custom)
	r, _ := s.Custom.Routine(e.Catalog.Routines())
	facts := e.Text.Format("routines.duration", "minutes", minutes(r.Duration)) + " · " +
		e.Text.Format("routines.steps", "count", strconv.Itoa(len(s.Custom.Steps)))
	return app.Li().Class("routine-saved").Body(
		app.A().Class("card routine-card").Href(e.Base+s.Link).Body(
			app.Span().Class("card-title").Text(name),
			app.Span().Class("routine-facts").Text(facts),
		),
		app.Button().Class("btn btn-quiet btn-small").Type("button").
			Text(e.Text.Format("routines.custom.delete", "name", name)).
			OnClick(func(ctx app.Context, ev app.Event) { p.delete(i) }, app.EventScope(i, s.Link)),
	)
}

func (p *routinesPage) delete(i int) {
	if p.saved.Err != nil || i < 0 || i >= len(p.saved.List) {
		return
	}
	next := append(append([]savedRoutine(nil), p.saved.List[:i]...), p.saved.List[i+1:]...)
	if err := storeSaved(p.Env.Platform, next); err != nil {
		p.status, p.statusErr = "routines.custom.delete_error", true
		return
	}
	p.saved.List = next
	p.status, p.statusErr = "routines.custom.deleted", false
}

// onReset is the person choosing to replace an unreadable list.
func (p *routinesPage) onReset(ctx app.Context, ev app.Event) {
	if err := storeSaved(p.Env.Platform, nil); err != nil {
		p.status, p.statusErr = "routines.custom.delete_error", true
		return
	}
	p.saved = savedRoutines{}
	p.status, p.statusErr = "routines.custom.deleted", false
}

// minutes is d in whole minutes, rounded up, at least 1.
func minutes(d time.Duration) string {
	m := int((d + time.Minute - 1) / time.Minute)
	return strconv.Itoa(max(m, 1))
}
