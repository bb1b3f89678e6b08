package view

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// updateBanner quietly says that a new version is ready. It never reloads by
// itself: a person in the middle of a routine decides when.
type updateBanner struct {
	app.Compo
	Env *Env

	ready bool
}

// OnMount shows the banner if a new version is ready. Mostly none is: then
// nothing changed, and go-app need not build the banner and the page around
// it again, as it does after OnMount.
func (b *updateBanner) OnMount(ctx app.Context) {
	if b.ready = ctx.AppUpdateAvailable(); !b.ready {
		ctx.PreventUpdate()
	}
}

func (b *updateBanner) OnAppUpdate(ctx app.Context) { b.ready = ctx.AppUpdateAvailable() }

func (b *updateBanner) Render() app.UI {
	if !b.ready {
		return app.Div().Class("update-slot")
	}
	return app.Div().Class("update-slot update-banner").Attr("role", "status").Body(
		app.Span().Text(b.Env.T("update.ready")),
		app.Button().Class("btn btn-small").ID("update-reload").OnClick(b.onReloadClick).Text(b.Env.T("update.reload")),
	)
}

func (b *updateBanner) onReloadClick(ctx app.Context, e app.Event) {
	ctx.Reload()
}
