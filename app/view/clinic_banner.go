package view

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/clinic"
	"unknot/app/routine"
)

// clinicBanner shows the clinic the app is branded for: its name, logo,
// phone and booking link, and the routines it recommends or prescribes. In
// the embed it also says where saved data stays and offers the full app.
// Everything from the configuration is rendered as text or as an attribute
// app/clinic has validated; none of it becomes markup.
func (e *Env) clinicBanner() app.UI {
	m := e.Clinic
	if m.Config == nil && !m.Embed {
		return nil
	}
	return app.Aside().Class("clinic-bar").Attr("aria-label", e.T("clinic.bar.label")).Body(
		app.If(m.Config != nil, func() app.UI { return e.clinicIdentity(*m.Config) }),
		app.If(m.Problem != "", func() app.UI {
			return e.para("notice notice-warn clinic-problem", m.Problem)
		}),
		app.If(m.Embed, e.embedNote),
	)
}

func (e *Env) clinicIdentity(c clinic.Config) app.UI {
	// No text from the configuration goes into an attribute: go-app's
	// server-side render quotes attributes as Go strings, not HTML.
	return app.Div().Class("clinic-identity").Body(
		app.Div().Class("clinic-head").Body(
			app.If(strings.HasPrefix(c.Logo, "data:image/"), func() app.UI {
				// Only inline logos: the app loads nothing from other sites
				// (its Content-Security-Policy allows images from itself and
				// data: addresses only).
				return app.Img().Class("clinic-logo").Src(c.Logo).Alt("").Width(40).Height(40)
			}),
			app.P().Class("clinic-name").Text(c.Name),
		),
		app.Ul().Class("clinic-links").Body(
			app.If(c.Phone != "", func() app.UI {
				return app.Li().Body(app.A().Class("clinic-phone").Href(c.TelURI()).
					Text(e.Text.Format("clinic.bar.call", "phone", c.Phone)))
			}),
			app.If(c.BookingURL != "", func() app.UI {
				return app.Li().Body(newTabLink(e, "clinic-booking", c.BookingURL, e.T("clinic.bar.book")))
			}),
		),
		e.clinicRoutines(c),
	)
}

// clinicRoutines links the routines the clinic recommends and prescribes.
func (e *Env) clinicRoutines(c clinic.Config) app.UI {
	type item struct{ name, href string }
	var items []item
	for _, id := range c.Featured {
		if r, ok := e.Catalog.Routines().Routine(routine.RoutineID(id)); ok {
			items = append(items, item{e.T(r.NameKey), e.Href("/routines/" + id)})
		}
	}
	for _, p := range c.Prescribed {
		items = append(items, item{p.Name, e.Href(p.Link)})
	}
	if len(items) == 0 {
		return nil
	}
	return app.Div().Class("clinic-routines").Body(
		app.P().Class("clinic-routines-title").Text(e.Text.Format("clinic.bar.recommends", "clinic", c.Name)),
		app.Ul().Body(app.Range(items).Slice(func(i int) app.UI {
			return app.Li().Body(app.A().Href(items[i].href).Text(items[i].name))
		})),
	)
}

// embedNote says plainly that what is saved inside the clinic's page stays
// there, and offers the full app in a new tab for a journal that lasts.
func (e *Env) embedNote() app.UI {
	where := e.T("clinic.embed.this_page")
	if c := e.Clinic.Config; c != nil {
		where = c.Name
	}
	return app.Div().Class("embed-note").Body(
		app.P().Text(e.Text.Format("clinic.embed.storage", "clinic", where)),
		newTabLink(e, "embed-full btn btn-quiet btn-small", e.fullAppURL(), e.T("clinic.embed.full_app")),
	)
}

// newTabLink is a link that opens in a new tab without giving that tab a
// handle on this one, and says so to screen readers.
func newTabLink(e *Env, class, href, label string) app.UI {
	return app.A().Class(class).Href(href).Target("_blank").Rel("noopener noreferrer").Body(
		app.Text(label),
		app.Span().Class("visually-hidden").Text(" "+e.T("clinic.new_tab")),
	)
}

// showInstall reports whether the install control belongs on the page: never
// in the embed, where installing would install the clinic's frame.
func (e *Env) showInstall() bool { return !e.Clinic.Embed }

// appClass is the class of the app's root element: "app", with
// "clinic-branded" when a clinic gives an accent colour (web/clinic.css uses
// it in the light theme), and "app-embed" in the embed.
func (e *Env) appClass() string {
	class := "app"
	if c := e.Clinic.Config; c != nil && c.Accent != "" {
		class += " clinic-branded"
	}
	if e.Clinic.Embed {
		class += " app-embed"
	}
	return class
}
