package view

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/routine"
)

// builderPage makes a routine of the person's own: exercises picked from
// those that suit their filters, each with its dose, in their order. It is
// saved on the device or shared as a link; the domain's link rules are the
// only validation, so what is saved always plays.
type builderPage struct {
	app.Compo
	Env *Env

	filter routine.FilterOptions
	name   string
	steps  []routine.CustomStep

	problem   string // text key of what stops saving or sharing
	status    string // words of the last change, announced politely
	statusErr bool
	link      string      // the share link, once asked for
	mounted   bool        // running in the browser, handlers attached (data-mounted, for tests)
	ctx       app.Context // the page's own, for what reports back after a tap
}

func (p *builderPage) OnMount(ctx app.Context) { p.ctx, p.mounted = ctx, true }

func (p *builderPage) OnInit() { p.filter = loadFilter(p.Env.Platform) }

func (p *builderPage) OnPreRender(ctx app.Context) {
	p.ctx = ctx
	p.Env.setTitle(ctx, "routines.builder.title")
}
func (p *builderPage) OnNav(ctx app.Context) { p.Env.onNavTitle(ctx, "routines.builder.title") }

func (p *builderPage) Render() app.UI {
	e := p.Env
	return e.layout("routines",
		e.h1("routines.builder.title"),
		e.para("lead", "routines.builder.lead"),
		app.Form().Class("builder").Attr("data-mounted", p.mounted).OnSubmit(preventDefault).Body(
			app.Div().Class("field").Body(
				e.label("builder-name", "routines.builder.name"),
				e.paraID("hint", "builder-name-hint", "routines.builder.name_hint"),
				app.Input().Type("text").ID("builder-name").Value(p.name).MaxLength(routine.MaxNameRunes).
					Attr("aria-describedby", "builder-name-hint").AutoComplete(false).
					OnInput(func(ctx app.Context, ev app.Event) {
						p.name = ctx.JSSrc().Get("value").String()
						p.link = ""
					}),
			),
			e.h2("builder-steps-title", "routines.builder.steps_title"),
			app.If(len(p.steps) == 0, func() app.UI {
				return e.para("muted", "routines.builder.empty")
			}).Else(func() app.UI {
				return app.Ol().Class("builder-steps").Attr("aria-labelledby", "builder-steps-title").Body(
					app.Range(p.steps).Slice(func(i int) app.UI { return p.stepEditor(i) }),
				)
			}),
			p.picker(),
			app.If(p.problem != "", func() app.UI {
				return app.P().Class("notice notice-error").Attr("role", "alert").ID("builder-problem").Text(e.T(p.problem))
			}),
			app.Div().Class("actions").Body(
				app.Button().Type("button").ID("builder-save").Class("btn").Text(e.T("routines.builder.save")).OnClick(p.onSave),
				app.Button().Type("button").ID("builder-share").Class("btn btn-quiet").Text(e.T("routines.builder.share")).OnClick(p.onShare),
			),
			app.If(p.link != "", p.shareBox),
			app.P().Class(statusClass(p.statusErr)).Attr("role", "status").Attr("aria-live", "polite").Text(p.status),
		),
	)
}

// picker lists the exercises that suit the person's filters.
func (p *builderPage) picker() app.UI {
	e := p.Env
	var list []routine.Exercise
	for _, x := range e.Catalog.Routines().Exercises() {
		if p.filter.Allows(x) {
			list = append(list, x)
		}
	}
	return app.FieldSet().Class("field builder-picker").Body(
		e.legend("routines.builder.add_legend"),
		app.If(p.filter.Pregnant, func() app.UI { return e.para("hint", routine.NotePregnancy) }),
		app.If(p.filter.NoFloor, func() app.UI { return e.para("hint", routine.NoteNoFloor) }),
		app.Ul().Class("builder-exercises").Body(
			app.Range(list).Slice(func(i int) app.UI {
				x := list[i]
				return app.Li().Body(
					app.Button().Type("button").Class("btn btn-quiet builder-add").Attr("data-exercise", string(x.ID)).
						Text(e.Text.Format("routines.builder.add", "name", e.T(x.NameKey))).
						OnClick(func(ctx app.Context, ev app.Event) { p.add(x) }, app.EventScope(string(x.ID))),
				)
			}),
		),
	)
}

func (p *builderPage) add(x routine.Exercise) {
	d := x.Defaults
	p.steps = append(p.steps, routine.CustomStep{Exercise: x.ID, Hold: d.Hold, Reps: d.Reps, Sides: d.Sides, Rest: d.Rest})
	p.changed(p.Env.Text.Format("routines.builder.added", "name", p.exerciseName(x.ID)))
}

// move swaps step i with step i+by, if there is one.
func (p *builderPage) move(i, by int) {
	j := i + by
	if i < 0 || j < 0 || i >= len(p.steps) || j >= len(p.steps) {
		return
	}
	p.steps[i], p.steps[j] = p.steps[j], p.steps[i]
	p.changed(p.Env.Text.Format("routines.builder.moved", "name", p.exerciseName(p.steps[j].Exercise), "n", strconv.Itoa(j+1)))
}

func (p *builderPage) remove(i int) {
	if i < 0 || i >= len(p.steps) {
		return
	}
	name := p.exerciseName(p.steps[i].Exercise)
	p.steps = append(p.steps[:i:i], p.steps[i+1:]...)
	p.changed(p.Env.Text.Format("routines.builder.removed", "name", name))
}

// changed records an edit: the old link no longer matches.
func (p *builderPage) changed(status string) {
	p.link, p.problem = "", ""
	p.status, p.statusErr = status, false
}

func (p *builderPage) exerciseName(id routine.ExerciseID) string {
	x, _ := p.Env.Catalog.Routines().Exercise(id)
	return p.Env.T(x.NameKey)
}

// custom returns the routine as built, or the text key of why it cannot be
// saved or shared.
func (p *builderPage) custom() (routine.Custom, string) {
	c := routine.Custom{Name: strings.TrimSpace(p.name), Steps: append([]routine.CustomStep(nil), p.steps...)}
	if c.Name == "" {
		return c, "routines.builder.error.no_name"
	}
	if err := c.Check(p.Env.Catalog.Routines()); err != nil {
		key := "routines.builder.error.other"
		if le, ok := errors.AsType[*routine.LinkError](err); ok && p.Env.Text.Has("routines.builder.error."+string(le.Code)) {
			key = "routines.builder.error." + string(le.Code)
		}
		return c, key
	}
	return c, ""
}

func (p *builderPage) onSave(ctx app.Context, ev app.Event) {
	c, problem := p.custom()
	if p.problem = problem; problem != "" {
		p.status = ""
		return
	}
	e := p.Env
	saved := loadSaved(e.Platform, e.Catalog.Routines())
	if saved.Err != nil {
		p.status, p.statusErr = e.T("routines.builder.save_blocked"), true
		return
	}
	list := append(saved.List, savedRoutine{Link: routine.EncodeLink(c), Custom: c})
	if err := storeSaved(e.Platform, list); err != nil {
		p.status, p.statusErr = e.T("routines.builder.save_error"), true
		return
	}
	p.status, p.statusErr = e.T("routines.builder.saved"), false
}

func (p *builderPage) onShare(ctx app.Context, ev app.Event) {
	c, problem := p.custom()
	if p.problem = problem; problem != "" {
		p.status, p.link = "", ""
		return
	}
	origin := ""
	if u := ctx.Page().URL(); u != nil && u.Host != "" {
		origin = u.Scheme + "://" + u.Host
	}
	p.link = origin + p.Env.Base + routine.EncodeLink(c)
	p.status, p.statusErr = "", false
}

// shareBox shows the link in a box that selects itself, with a copy button
// and a way to try it.
func (p *builderPage) shareBox() app.UI {
	e := p.Env
	return app.Div().Class("field builder-share").Body(
		e.label("builder-link", "routines.builder.link_label"),
		e.paraID("hint", "builder-link-hint", "routines.builder.link_hint"),
		app.Input().Type("text").ID("builder-link").ReadOnly(true).Value(p.link).
			Attr("aria-describedby", "builder-link-hint").
			OnFocus(func(ctx app.Context, ev app.Event) { ctx.JSSrc().Call("select") }),
		app.Div().Class("actions").Body(
			app.Button().Type("button").ID("builder-copy").Class("btn").Text(e.T("routines.builder.copy")).OnClick(p.onCopy),
			app.A().Class("btn btn-quiet").Href(strings.TrimPrefix(p.link, linkOrigin(p.link))).Text(e.T("routines.builder.try")),
		),
	)
}

func (p *builderPage) onCopy(app.Context, app.Event) {
	cb, link, ctx := p.Env.Clipboard, p.link, p.ctx
	if cb == nil {
		p.status, p.statusErr = p.Env.T("routines.builder.copy_failed"), true
		return
	}
	ctx.Async(func() {
		err := cb.Copy(link)
		ctx.Dispatch(func(app.Context) {
			if err != nil {
				p.status, p.statusErr = p.Env.T("routines.builder.copy_failed"), true
				return
			}
			p.status, p.statusErr = p.Env.T("routines.builder.copied"), false
		})
	})
}

// linkOrigin is the "scheme://host" a link starts with, or "".
func linkOrigin(link string) string {
	scheme, rest, ok := strings.Cut(link, "://")
	if !ok {
		return ""
	}
	host, _, _ := strings.Cut(rest, "/")
	return scheme + "://" + host
}

// seconds converts a whole number of seconds typed in a field.
func secondsField(v string) (time.Duration, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return 0, false
	}
	return time.Duration(n) * time.Second, true
}
