package view

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// notFoundPage helps a person who followed a broken link back to what they
// came for.
type notFoundPage struct {
	app.Compo
	Env *Env
}

func (p *notFoundPage) OnPreRender(ctx app.Context) { p.Env.setTitle(ctx, "notfound.title") }
func (p *notFoundPage) OnNav(ctx app.Context)       { p.Env.onNavTitle(ctx, "notfound.title") }

func (p *notFoundPage) Render() app.UI {
	e := p.Env
	return e.layout("",
		app.Div().Class("notfound").Body(
			e.h1("notfound.title"),
			e.para("", "notfound.text"),
			app.If(hasPage("/triage"), func() app.UI {
				return app.A().Class("action-primary").Href(e.Href("/triage")).Body(
					e.span("action-title", "home.triage.action"),
				)
			}),
			app.P().Body(
				e.link("btn", "/", "notfound.home"),
			),
		),
	)
}
