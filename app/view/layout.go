package view

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// navItem is one destination in the bottom navigation.
type navItem struct {
	id   string // also the text key suffix: nav.<id>, and the icon class
	path string
}

// layout wraps a page's content in the shell every page shares: a skip link,
// the top bar with the install control (not in the embed), the clinic's
// banner when there is a clinic, the update banner, and the bottom
// navigation with the active item marked.
func (e *Env) layout(active string, body ...app.UI) app.UI {
	return e.frame(active, true, false, body...)
}

// loadingLayout is the layout of a page that reads the journal: while busy,
// its main region says so (aria-busy), for screen readers and for anyone
// waiting on what it will show.
func (e *Env) loadingLayout(active string, busy bool, body ...app.UI) app.UI {
	return e.frame(active, true, busy, body...)
}

// emergencyLayout is the layout without the install control and the update
// banner: an emergency result's first screenful holds nothing that
// competes with the call (CLINICAL.md).
func (e *Env) emergencyLayout(active string, body ...app.UI) app.UI {
	return e.frame(active, false, false, body...)
}

func (e *Env) frame(active string, prompts, busy bool, body ...app.UI) app.UI {
	main := app.Main().ID("main").Class("page").TabIndex(-1)
	if busy {
		main = main.Aria("busy", "true")
	}
	return app.Div().Class(e.appClass()).Body(
		app.A().Class("skip-link").Href("#main").Text(e.T("nav.skip")),
		app.Header().Class("topbar").Body(
			app.A().Class("brand").Href(e.Href("/")).Body(
				app.Img().Class("brand-mark").Src("/web/icon.svg").Attr("role", "presentation").Width(32).Height(32),
				e.span("brand-name", "app.name"),
			),
			app.If(prompts && e.showInstall(), func() app.UI { return &installControl{Env: e, installState: e.install} }),
		),
		e.clinicBanner(),
		app.If(prompts, func() app.UI { return &updateBanner{Env: e} }),
		main.Body(body...),
		e.tabbar(active),
	)
}

func (e *Env) tabbar(active string) app.UI {
	return app.Nav().Class("tabbar").Attr("aria-label", e.T("nav.label")).Body(
		app.Ul().Body(
			app.Range(navItems).Slice(func(i int) app.UI {
				it := navItems[i]
				a := app.A().
					Class("tab").
					Href(e.Href(it.path)).
					Body(
						app.Span().Class("tab-icon icon-"+it.id),
						e.span("tab-label", "nav."+it.id),
					)
				if it.id == active {
					a = a.Attr("aria-current", "page")
				}
				return app.Li().Body(a)
			}),
		),
	)
}

// onNavTitle is the whole OnNav of a page the address does not change: it
// sets the tab's title and keeps go-app from building the page again. go-app
// updates a component after its OnNav, and the page was built a moment
// before for the same address: a second build would change nothing.
func (e *Env) onNavTitle(ctx app.Context, key string) {
	e.setTitle(ctx, key)
	ctx.PreventUpdate()
}

// setTitle sets the document title to "<page> · Unknot".
func (e *Env) setTitle(ctx app.Context, key string) {
	title := e.T("app.name")
	if key != "" {
		title = e.T(key) + " · " + title
	}
	// A heading's soft hyphens (where a long German word may break) have
	// no place in a tab's title.
	ctx.Page().SetTitle(strings.ReplaceAll(title, "\u00ad", ""))
}
