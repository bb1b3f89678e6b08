package view

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Small builders for the elements pages repeat most. Each go-app call
// chain costs a few hundred bytes of app.wasm per call site, so a page
// built from these is smaller as well as shorter to read.

// para is a paragraph of the words for key, with a class when class is
// not empty.
func (e *Env) para(class, key string) app.UI {
	p := app.P()
	if class != "" {
		p = p.Class(class)
	}
	return p.Text(e.T(key))
}

// section is a <section> labelled by its <h2>, which has the id and the
// words for titleKey.
func (e *Env) section(id, titleKey string, body ...app.UI) app.UI {
	return app.Section().Attr("aria-labelledby", id).Body(
		app.H2().ID(id).Text(e.T(titleKey)),
		app.Div().Body(body...),
	)
}

// list is a <ul> of the words for each key.
func (e *Env) list(class string, keys []string) app.UI {
	items := make([]app.UI, len(keys))
	for i, k := range keys {
		items[i] = app.Li().Text(e.T(k))
	}
	return app.Ul().Class(class).Body(items...)
}

// h1, h2, h3, legend, li and span hold the words for key.
func (e *Env) h1(key string) app.UI     { return app.H1().Text(e.T(key)) }
func (e *Env) h3(key string) app.UI     { return app.H3().Text(e.T(key)) }
func (e *Env) legend(key string) app.UI { return app.Legend().Text(e.T(key)) }
func (e *Env) li(key string) app.UI     { return app.Li().Text(e.T(key)) }

// h2 is a second-level heading with an id, so a section can point at it.
func (e *Env) h2(id, key string) app.UI { return app.H2().ID(id).Text(e.T(key)) }

func (e *Env) span(class, key string) app.UI { return app.Span().Class(class).Text(e.T(key)) }

// label labels the control with the given id.
func (e *Env) label(forID, key string) app.UI { return app.Label().For(forID).Text(e.T(key)) }

// paraID is para with an id, for a paragraph a control points at (hints).
func (e *Env) paraID(class, id, key string) app.UI {
	return app.P().Class(class).ID(id).Text(e.T(key))
}

// link is an in-app link with a class and the words for key.
func (e *Env) link(class, path, key string) app.UI {
	return app.A().Class(class).Href(e.Href(path)).Text(e.T(key))
}

// option is a select option with the words for key.
func (e *Env) option(value string, selected bool, key string) app.UI {
	return app.Option().Value(value).Selected(selected).Text(e.T(key))
}

// card is a large link with a title and one line of text: Home's
// destinations, and Settings' way to About.
func (e *Env) card(path, titleKey, textKey string) app.UI {
	return app.A().Class("card").Href(e.Href(path)).Body(
		e.span("card-title", titleKey),
		e.span("card-text", textKey),
	)
}
