package view

import (
	"slices"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/clinic"
)

// clinicPage is the configurator for clinics: the clinic's details with the
// domain's checks shown field by field, a live preview of the embed, the
// snippet to paste, and the routine prescriber with its QR code and handout.
// Nothing here is sent anywhere: the configuration lives in the snippet and
// the links the clinic shares.
type clinicPage struct {
	app.Compo
	Env *Env

	form    clinicForm
	checked clinicCheck
	touched bool   // errors show once the clinic has changed something
	logoErr string // why the chosen picture was not taken as the logo
	preview string // the preview frame's address, updated on change
	changes int    // makes each preview address new, so the frame reloads

	copyStatus string // text key of the last copy's outcome
	rx         prescriber
	ctx        app.Context // the page's own, for what reports back after a tap
}

func (p *clinicPage) OnInit() {
	if c := p.Env.Clinic.Config; c != nil {
		p.form = formOf(*c)
	}
	p.rx.Env = p.Env
	p.recheck()
}

func (p *clinicPage) OnPreRender(ctx app.Context) { p.ctx = ctx; p.Env.setTitle(ctx, "clinic.title") }
func (p *clinicPage) OnMount(ctx app.Context)     { p.ctx = ctx }
func (p *clinicPage) OnNav(ctx app.Context)       { p.Env.onNavTitle(ctx, "clinic.title") }

func (p *clinicPage) Render() app.UI {
	e := p.Env
	return e.layout("",
		app.Div().Class("clinic-page").Body(
			e.h1("clinic.title"),
			e.para("lead", "clinic.lead"),
			p.renderForm(),
			p.renderPreview(),
			p.renderSnippet(),
			p.rx.render(p.checked, p.onPrescribe),
		),
	)
}

func (p *clinicPage) renderForm() app.UI {
	e := p.Env
	return app.Form().Class("clinic-form").OnSubmit(preventDefault).Attr("aria-labelledby", "clinic-form-title").Body(
		e.h2("clinic-form-title", "clinic.form.title"),
		e.para("hint", "clinic.form.hint"),
		p.textField("name", "text", "clinic.field.name", "", p.form.Name, func(v string) { p.form.Name = v }),
		p.logoField(),
		p.accentField(),
		p.textField("phone", "tel", "clinic.field.phone", "", p.form.Phone, func(v string) { p.form.Phone = v }),
		p.textField("booking", "url", "clinic.field.booking", "clinic.field.booking.hint", p.form.Booking, func(v string) { p.form.Booking = v }),
		p.countryField(),
		p.featuredField(),
		app.If(p.touched && !p.checked.Valid(), func() app.UI {
			return app.P().Class("notice notice-error").ID("clinic-form-problem").Attr("role", "alert").Body(
				app.Text(e.T("clinic.form.invalid")),
				app.If(p.checked.Problem("") != nil, func() app.UI {
					return app.Text(" " + p.checked.Problem("").Problem)
				}),
			)
		}),
	)
}

// textField is one labelled input; its id is clinic-<field>, where field is
// the configuration's JSON key, and its problem (if any) is clinic-<field>-error.
func (p *clinicPage) textField(field, typ, labelKey, hintKey, value string, set func(string)) app.UI {
	e := p.Env
	id := "clinic-" + field
	return app.Div().Class("field").Body(
		e.label(id, labelKey),
		app.If(hintKey != "", func() app.UI { return e.paraID("hint", id+"-hint", hintKey) }),
		p.fieldError(field),
		app.Input().Type(typ).ID(id).Name(field).Value(value).AutoComplete(false).
			Attr("aria-describedby", p.describedBy(field, hintKey != "")).
			Attr("aria-invalid", p.invalid(field)).
			OnChange(func(ctx app.Context, ev app.Event) {
				set(ctx.JSSrc().Get("value").String())
				p.changed()
			}, app.EventScope(field)),
	)
}

// accentField is the colour as text and as a colour picker, and what the
// contrast adjustment made of it.
func (p *clinicPage) accentField() app.UI {
	e := p.Env
	var darkened *clinic.Notice
	for i, n := range p.checked.Notices {
		if n.Code == clinic.NoticeAccentDarkened {
			darkened = &p.checked.Notices[i]
		}
	}
	set := func(ctx app.Context, ev app.Event) {
		p.form.Accent = ctx.JSSrc().Get("value").String()
		p.changed()
	}
	picker := p.form.Accent
	if _, err := clinic.ParseHex(p.checked.Config.Accent); err == nil {
		picker = p.checked.Config.Accent
	} else {
		picker = "#0f766e"
	}
	return app.Div().Class("field").Body(
		e.label("clinic-accent", "clinic.field.accent"),
		e.paraID("hint", "clinic-accent-hint", "clinic.field.accent.hint"),
		p.fieldError("accent"),
		app.Div().Class("clinic-accent-row").Body(
			app.Input().Type("text").ID("clinic-accent").Name("accent").Value(p.form.Accent).AutoComplete(false).
				Attr("spellcheck", "false").
				Attr("aria-describedby", p.describedBy("accent", true)).Attr("aria-invalid", p.invalid("accent")).
				OnChange(set, app.EventScope("text")),
			app.Input().Type("color").ID("clinic-accent-picker").Value(picker).
				Attr("aria-label", e.T("clinic.field.accent")).
				OnChange(set, app.EventScope("picker")),
		),
		app.If(darkened != nil, func() app.UI {
			return app.P().Class("notice clinic-accent-notice").ID("clinic-accent-notice").Attr("data-accent", darkened.To).
				Text(e.Text.Format("clinic.field.accent.darkened", "from", darkened.From, "to", darkened.To))
		}),
	)
}

func (p *clinicPage) countryField() app.UI {
	e := p.Env
	codes := countryCodes(e)
	return app.Div().Class("field").Body(
		e.label("clinic-country", "clinic.field.country"),
		e.paraID("hint", "clinic-country-hint", "clinic.field.country.hint"),
		p.fieldError("country"),
		app.Select().ID("clinic-country").Name("country").
			Attr("aria-describedby", p.describedBy("country", true)).Attr("aria-invalid", p.invalid("country")).
			OnChange(func(ctx app.Context, ev app.Event) {
				p.form.Country = ctx.JSSrc().Get("value").String()
				p.changed()
			}).
			Body(
				e.option("", p.form.Country == "", "clinic.field.country.none"),
				app.Range(codes).Slice(func(i int) app.UI {
					c := codes[i]
					return e.option(c, c == p.form.Country, "country."+c)
				}),
			),
	)
}

func (p *clinicPage) featuredField() app.UI {
	e := p.Env
	routines := e.Catalog.Routines().Routines()
	return app.FieldSet().Class("field clinic-featured").Body(
		e.legend("clinic.field.featured"),
		p.fieldError("featured"),
		app.Range(routines).Slice(func(i int) app.UI {
			id := string(routines[i].ID)
			input := "clinic-featured-" + id
			return app.Label().Class("switch").For(input).Body(
				app.Input().Type("checkbox").ID(input).Value(id).Checked(slices.Contains(p.form.Featured, id)).
					OnChange(func(ctx app.Context, ev app.Event) {
						p.toggleFeatured(id, ctx.JSSrc().Get("checked").Bool())
					}, app.EventScope(id)),
				app.Span().Text(e.T(routines[i].NameKey)),
			)
		}),
	)
}

func (p *clinicPage) toggleFeatured(id string, on bool) {
	p.form.Featured = slices.DeleteFunc(p.form.Featured, func(s string) bool { return s == id })
	if on {
		p.form.Featured = append(p.form.Featured, id)
	}
	p.changed()
}

// fieldError shows a field's problem, once the clinic has changed
// something: the field's label as the form shows it, then the domain's
// words for the problem (never the configuration's key, such as booking).
func (p *clinicPage) fieldError(field string) app.UI {
	fe := p.checked.Problem(field)
	if !p.touched || fe == nil {
		return nil
	}
	return app.P().Class("field-error").ID("clinic-"+field+"-error").Attr("data-field", field).
		Text(p.Env.Text.Format("clinic.field.error", "label", p.Env.T("clinic.field."+field), "problem", fe.Problem))
}

func (p *clinicPage) invalid(field string) string {
	if p.touched && p.checked.Problem(field) != nil {
		return "true"
	}
	return "false"
}

func (p *clinicPage) describedBy(field string, hint bool) string {
	ids := ""
	if hint {
		ids = "clinic-" + field + "-hint"
	}
	if p.invalid(field) == "true" {
		ids += " clinic-" + field + "-error"
	}
	return ids
}

// changed rechecks the form after an edit and refreshes the preview.
func (p *clinicPage) changed() {
	p.touched = true
	p.copyStatus = ""
	p.recheck()
}

func (p *clinicPage) recheck() {
	p.checked = p.form.check(p.Env.Catalog.Routines())
	p.changes++
	p.preview = ""
	if p.checked.Valid() {
		p.preview = p.Env.Href("/") + "?embed=1&preview=" + strconv.Itoa(p.changes) + "#" + clinic.FragmentKey + "=" + clinic.Encode(p.checked.Config)
	}
}

// onPrescribe adds a prescription to the clinic's configuration.
func (p *clinicPage) onPrescribe(rx clinic.Prescription) {
	p.form.Prescribed = append(p.form.Prescribed, rx)
	p.changed()
}
