package view

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/clinic"
	"unknot/app/routine"
)

// prescriber turns a routine (from the catalogue, or a link the routine
// builder made) into a link for a patient, its QR code and a printable
// handout. It is part of the clinic page's state.
type prescriber struct {
	Env *Env

	routineID string // chosen from the catalogue, or ""
	pasted    string // a routine link pasted instead
	name      string // the name the patient sees

	problem string          // words of what stopped the link being made
	made    *routine.Custom // the routine of the link below
	path    string          // /routines/custom#r=… (for the clinic's list)
	link    string          // the absolute link for the patient
	qr      string          // the QR code as SVG, or "" when too long
	added   bool
}

func (x *prescriber) render(checked clinicCheck, add func(clinic.Prescription)) app.UI {
	e := x.Env
	routines := e.Catalog.Routines().Routines()
	return app.Section().Class("clinic-prescribe").Attr("aria-labelledby", "rx-title").Body(
		e.h2("rx-title", "clinic.prescribe.title"),
		e.para("hint", "clinic.prescribe.hint"),
		app.Div().Class("field").Body(
			e.label("rx-routine", "clinic.prescribe.routine"),
			app.Select().ID("rx-routine").OnChange(func(ctx app.Context, ev app.Event) {
				x.choose(ctx.JSSrc().Get("value").String())
			}).Body(
				e.option("", x.routineID == "", "clinic.prescribe.routine.choose"),
				app.Range(routines).Slice(func(i int) app.UI {
					id := string(routines[i].ID)
					return e.option(id, id == x.routineID, routines[i].NameKey)
				}),
			),
		),
		app.If(hasPage("/routines/new"), func() app.UI {
			return app.P().Body(newTabLink(e, "clinic-builder-link", e.Href("/routines/new"), e.T("clinic.prescribe.builder")))
		}),
		app.Div().Class("field").Body(
			e.label("rx-link", "clinic.prescribe.link"),
			e.paraID("hint", "rx-link-hint", "clinic.prescribe.link.hint"),
			app.Input().Type("url").ID("rx-link").Value(x.pasted).AutoComplete(false).Attr("aria-describedby", "rx-link-hint").
				OnChange(func(ctx app.Context, ev app.Event) { x.pasted = strings.TrimSpace(ctx.JSSrc().Get("value").String()) }),
		),
		app.Div().Class("field").Body(
			e.label("rx-name", "clinic.prescribe.name"),
			app.Input().Type("text").ID("rx-name").Value(x.name).MaxLength(routine.MaxNameRunes).AutoComplete(false).
				OnChange(func(ctx app.Context, ev app.Event) { x.name = ctx.JSSrc().Get("value").String() }),
		),
		app.Div().Class("actions").Body(
			app.Button().Type("button").Class("btn").ID("rx-make").Text(e.T("clinic.prescribe.make")).
				OnClick(func(ctx app.Context, ev app.Event) { x.make() }),
		),
		app.If(x.problem != "", func() app.UI {
			return app.P().Class("notice notice-error").ID("rx-problem").Attr("role", "alert").Text(x.problem)
		}),
		app.If(x.made != nil, func() app.UI { return x.renderResult(checked, add) }),
	)
}

func (x *prescriber) choose(id string) {
	e := x.Env
	if r, ok := e.Catalog.Routines().Routine(routine.RoutineID(x.routineID)); ok && x.name == e.T(r.NameKey) {
		x.name = "" // the old default: replace it
	}
	x.routineID = id
	if r, ok := e.Catalog.Routines().Routine(routine.RoutineID(id)); ok && x.name == "" {
		x.name = e.T(r.NameKey)
	}
}

// make builds the link: a pasted link wins over the chosen routine, so a
// clinic's own routine from the builder is never silently replaced.
func (x *prescriber) make() {
	e := x.Env
	lib := e.Catalog.Routines()
	x.problem, x.made, x.added = "", nil, false
	var c routine.Custom
	switch {
	case x.pasted != "":
		var err error
		if c, err = routine.DecodeLink(x.pasted, lib); err != nil {
			x.problem = e.Text.Format("clinic.prescribe.bad_link", "problem", linkProblem(err))
			return
		}
	case x.routineID != "":
		r, ok := lib.Routine(routine.RoutineID(x.routineID))
		if !ok {
			x.problem = e.T("clinic.prescribe.none")
			return
		}
		c = routine.CustomOf(r, e.T(r.NameKey))
	default:
		x.problem = e.T("clinic.prescribe.none")
		return
	}
	if name := strings.TrimSpace(x.name); name != "" {
		c.Name = name
	}
	if err := c.Check(lib); err != nil {
		x.problem = e.Text.Format("clinic.prescribe.bad_link", "problem", linkProblem(err))
		return
	}
	x.made = &c
	x.path = routine.EncodeLink(c)
	x.link = x.origin() + e.Href(x.path)
	x.qr, _ = qrSVG(x.link)
}

func linkProblem(err error) string {
	if le, ok := errors.AsType[*routine.LinkError](err); ok {
		return le.Error()
	}
	return err.Error()
}

func (x *prescriber) origin() string {
	if x.Env.Clinic.Frame == nil {
		return strings.TrimSuffix(x.Env.T("clinic.snippet.host"), "/")
	}
	return x.Env.Clinic.Frame.Origin()
}

func (x *prescriber) renderResult(checked clinicCheck, add func(clinic.Prescription)) app.UI {
	e := x.Env
	return app.Div().Class("clinic-rx-result").Body(
		app.Div().Class("field").Body(
			e.label("rx-result", "clinic.prescribe.result"),
			app.Input().Type("text").ID("rx-result").ReadOnly(true).Value(x.link).
				OnFocus(func(ctx app.Context, ev app.Event) { ctx.JSSrc().Call("select") }),
		),
		x.renderQR(),
		app.Div().Class("actions no-print").Body(
			app.Button().Type("button").Class("btn").ID("rx-print").Text(e.T("clinic.prescribe.print")).
				OnClick(func(ctx app.Context, ev app.Event) { e.Platform.Print() }),
			app.Button().Type("button").Class("btn btn-quiet").ID("rx-add").Disabled(x.added).Text(e.T("clinic.prescribe.add")).
				OnClick(func(ctx app.Context, ev app.Event) {
					add(clinic.Prescription{Name: x.made.Name, Link: x.path})
					x.added = true
				}),
		),
		app.If(x.added, func() app.UI {
			return app.P().Class("save-status").Attr("role", "status").Text(e.T("clinic.prescribe.added"))
		}),
		x.renderHandout(checked.Config),
	)
}

// renderQR is the code with its text alternative: what it opens, and the
// link itself beside it for anyone who cannot scan.
func (x *prescriber) renderQR() app.UI {
	e := x.Env
	if x.qr == "" {
		return e.para("notice notice-warn", "clinic.prescribe.qr_too_long")
	}
	return app.Figure().Class("qr").Body(
		app.Div().Class("qr-image").Attr("role", "img").Attr("aria-label", e.Text.Format("clinic.prescribe.qr", "name", x.made.Name)).Body(
			app.Raw(x.qr), // generated by qrSVG from the bitmap: numbers only
		),
		app.FigCaption().Class("qr-link").Text(x.link),
	)
}

// renderHandout is the page a patient takes home: on screen as a preview,
// and alone on paper (web/clinic.css).
func (x *prescriber) renderHandout(c clinic.Config) app.UI {
	e := x.Env
	clinicName := c.Name
	if clinicName == "" {
		clinicName = e.T("app.name")
	}
	lib := e.Catalog.Routines()
	steps := x.made.Steps
	return app.Section().Class("clinic-handout").Attr("aria-labelledby", "handout-title").Body(
		app.H2().ID("handout-title").Text(e.Text.Format("clinic.handout.title", "clinic", clinicName)),
		app.P().Class("handout-routine").Text(x.made.Name),
		e.para("", "clinic.handout.scan"),
		app.If(x.qr != "", func() app.UI {
			return app.Div().Class("qr-image").Attr("role", "img").Attr("aria-label", e.Text.Format("clinic.prescribe.qr", "name", x.made.Name)).Body(app.Raw(x.qr))
		}),
		app.P().Class("handout-link").Text(x.link),
		e.h3("clinic.handout.steps"),
		app.Ol().Class("handout-steps").Body(app.Range(steps).Slice(func(i int) app.UI {
			s := steps[i]
			ex, _ := lib.Exercise(s.Exercise)
			key := "clinic.handout.step"
			if s.Sides {
				key = "clinic.handout.step_sides"
			}
			return app.Li().Text(e.Text.Format(key, "name", e.T(ex.NameKey),
				"hold", strconv.Itoa(int(s.Hold/time.Second)), "reps", strconv.Itoa(s.Reps)))
		})),
		e.para("handout-stop", "clinic.handout.stop"),
		app.If(c.Phone != "", func() app.UI {
			return app.P().Text(e.Text.Format("clinic.handout.contact", "phone", c.Phone))
		}),
	)
}
