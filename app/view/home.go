package view

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// homePage is built for a person in pain: one large first action, then a
// re-check that is due (home_recheck.go), then the routines and the
// journal, each in a few plain words.
type homePage struct {
	app.Compo
	Env *Env

	ctx      app.Context // the page's own: the re-check card's loads go through it
	rechecks homeRechecks
	stopFeed func()
}

func (p *homePage) OnPreRender(ctx app.Context) { p.ctx = ctx; p.Env.setTitle(ctx, "") }
func (p *homePage) OnNav(ctx app.Context)       { p.Env.onNavTitle(ctx, "") }

func (p *homePage) OnMount(ctx app.Context) {
	p.ctx = ctx
	p.stopFeed = p.Env.watchJournal(ctx, func(app.Context, []string) { p.loadRecheck() })
	p.loadRecheck()
}

func (p *homePage) OnDismount() {
	if p.stopFeed != nil {
		p.stopFeed()
	}
}

func (p *homePage) Render() app.UI {
	e := p.Env
	return e.layout("home",
		app.H1().Class("home-title").Text(e.T("home.title")),
		e.para("lead", "home.lead"),
		app.If(hasPage("/triage"), func() app.UI {
			return app.A().Class("action-primary").Href(e.Href("/triage")).Body(
				e.span("action-title", "home.triage.action"),
				e.span("action-text", "home.triage.text"),
			)
		}),
		p.renderRecheck(),
		app.If(hasPage("/journal/new"), func() app.UI {
			return app.P().Class("home-quick-log").Body(
				app.A().Class("btn btn-quiet").Href(e.Href("/journal/new")).Attr("data-action", "quick-log").Text(e.T("journal.quick.link")),
			)
		}),
		app.Div().Class("cards").Body(
			app.If(hasPage("/routines"), func() app.UI {
				return e.card("/routines", "home.routines.title", "home.routines.text")
			}),
			app.If(hasPage("/journal"), func() app.UI {
				return e.card("/journal", "home.journal.title", "home.journal.text")
			}),
			e.card("/about", "about.title", "about.summary"),
		),
		e.para("home-note", "home.note"),
	)
}
