package view

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/clinic"
)

// renderPreview shows the embed as the clinic's page will, in a frame of the
// app itself with the configuration in its address.
func (p *clinicPage) renderPreview() app.UI {
	e := p.Env
	return app.Section().Class("clinic-preview").Attr("aria-labelledby", "clinic-preview-title").Body(
		e.h2("clinic-preview-title", "clinic.preview.title"),
		e.para("hint", "clinic.preview.hint"),
		app.If(p.preview != "", func() app.UI {
			return app.IFrame().ID("clinic-preview-frame").Class("clinic-preview-frame").
				Src(p.preview).Title(e.T("clinic.preview.frame")).
				Attr("loading", "lazy").Attr("referrerpolicy", "no-referrer")
		}),
	)
}

// renderSnippet shows the two lines to paste, and copies them.
func (p *clinicPage) renderSnippet() app.UI {
	e := p.Env
	return app.Section().Class("clinic-snippet").Attr("aria-labelledby", "clinic-snippet-title").Body(
		e.h2("clinic-snippet-title", "clinic.snippet.title"),
		e.paraID("hint", "clinic-snippet-hint", "clinic.snippet.hint"),
		app.If(p.checked.Valid(), func() app.UI {
			snippet := embedSnippet(p.appURL(), p.checked.Config, e.T("app.full_name"))
			return app.Div().Body(
				e.label("clinic-snippet", "clinic.snippet.label"),
				app.Textarea().ID("clinic-snippet").Class("clinic-snippet-text").ReadOnly(true).Rows(4).
					Attr("aria-describedby", "clinic-snippet-hint").Attr("spellcheck", "false").Text(snippet),
				app.Div().Class("actions").Body(
					app.Button().Type("button").Class("btn").ID("clinic-snippet-copy").Text(e.T("clinic.snippet.copy")).
						OnClick(func(app.Context, app.Event) { p.copy(snippet) }),
				),
				app.P().Class(statusClass(p.copyStatus == "clinic.snippet.copy_failed")).Attr("role", "status").
					Text(p.copyText()),
			)
		}).Else(func() app.UI {
			return e.para("muted", "clinic.form.invalid")
		}),
	)
}

// appURL is the app's own address with its base path ("https://host/back-care/"),
// or a placeholder before the page knows its origin.
func (p *clinicPage) appURL() string {
	e := p.Env
	if e.Clinic.Frame == nil {
		return e.T("clinic.snippet.host") + e.Href("/")
	}
	return e.Clinic.Frame.Origin() + e.Href("/")
}

// embedSnippet is what a clinic pastes: the script that inserts the embed,
// and a plain link for browsers without JavaScript. The configuration is
// base64url and the address the app's own, so neither can break out of the
// attribute; both are escaped all the same.
func embedSnippet(appURL string, c clinic.Config, title string) string {
	return `<script src="` + escapeHTML(appURL+"embed.js") + `" data-clinic="` + escapeHTML(clinic.Encode(c)) + `" async></script>` + "\n" +
		`<noscript><a href="` + escapeHTML(appURL) + `">` + escapeHTML(title) + `</a></noscript>`
}

func (p *clinicPage) copy(text string) {
	cb, ctx := p.Env.Clipboard, p.ctx
	if cb == nil {
		p.copyStatus = "clinic.snippet.copy_failed"
		return
	}
	// Copy waits for the browser, so not on the UI goroutine.
	ctx.Async(func() {
		err := cb.Copy(text)
		ctx.Dispatch(func(app.Context) {
			p.copyStatus = "clinic.snippet.copied"
			if err != nil {
				p.copyStatus = "clinic.snippet.copy_failed"
			}
		})
	})
}

func (p *clinicPage) copyText() string {
	if p.copyStatus == "" {
		return ""
	}
	return p.Env.T(p.copyStatus)
}
