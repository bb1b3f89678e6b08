package view

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// notFoundPage helps a person who followed a broken link back to what they
// came for.
type notFoundPage struct {
	app.Compo
	Env *Env
}

func (p *notFoundPage) OnPreRender(ctx app.Context) { p.Env.setTitle(ctx, "notfound.title") }
func (p *notFoundPage) OnNav(ctx app.Context)       { p.Env.setTitle(ctx, "notfound.title") }

func (p *notFoundPage) Render() app.UI {
	e := p.Env
	return e.layout("",
		app.Div().Class("notfound").Body(
			app.H1().Text(e.T("notfound.title")),
			app.P().Text(e.T("notfound.text")),
			app.If(hasPage("/triage"), func() app.UI {
				return app.A().Class("action-primary").Href(e.Href("/triage")).Body(
					app.Span().Class("action-title").Text(e.T("home.triage.action")),
				)
			}),
			app.P().Body(
				app.A().Class("btn").Href(e.Href("/")).Text(e.T("notfound.home")),
			),
		),
	)
}
