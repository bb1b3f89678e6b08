package view

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// installControl offers to install Unknot where the browser allows it, and
// explains "Share, then Add to Home Screen" on iPhone and iPad, where no
// prompt exists. It stays hidden inside a frame and once installed.
type installControl struct {
	app.Compo
	Env *Env

	installState
	showHelp bool
}

// installState is whether the browser offers to install Unknot, and
// whether it is Apple's, which offers no prompt.
type installState struct {
	installable bool
	apple       bool
}

func (c *installControl) OnMount(ctx app.Context)            { c.refresh(ctx) }
func (c *installControl) OnAppInstallChange(ctx app.Context) { c.refresh(ctx) }

// refresh asks the browser again. go-app builds a component, and the page
// around it, again after OnMount: when the answer is what the control shows
// already (it starts from what the last page's control found), that second
// build is skipped.
func (c *installControl) refresh(ctx app.Context) {
	now := installState{installable: ctx.IsAppInstallable() && !c.Env.Platform.InFrame(), apple: ctx.IsAppleBrowser()}
	c.Env.install = now
	if now == c.installState {
		ctx.PreventUpdate()
		return
	}
	c.installState = now
}

func (c *installControl) Render() app.UI {
	if !c.installable {
		return app.Span().Class("install-slot")
	}
	if c.apple {
		return app.Div().Class("install-slot").Body(
			app.Button().
				Class("btn btn-quiet").
				Attr("aria-expanded", c.showHelp).
				Attr("aria-controls", "install-help").
				OnClick(c.onAppleHelpClick).
				Text(c.Env.T("install.button")),
			app.If(c.showHelp, func() app.UI {
				return app.P().ID("install-help").Class("install-help").Text(c.Env.T("install.apple"))
			}),
		)
	}
	return app.Span().Class("install-slot").Body(
		app.Button().
			Class("btn btn-quiet").
			OnClick(c.onInstallClick).
			Text(c.Env.T("install.button")),
	)
}

func (c *installControl) onInstallClick(ctx app.Context, e app.Event) {
	ctx.ShowAppInstallPrompt()
}

func (c *installControl) onAppleHelpClick(ctx app.Context, e app.Event) {
	c.showHelp = !c.showHelp
}
