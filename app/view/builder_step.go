package view

import (
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/routine"
)

// stepEditor is one step of the routine being built: its dose, and
// buttons to move it up, down or out.
func (p *builderPage) stepEditor(i int) app.UI {
	e := p.Env
	s := p.steps[i]
	x, _ := e.Catalog.Routines().Exercise(s.Exercise)
	name := e.T(x.NameKey)
	id := "step-" + strconv.Itoa(i)
	return app.Li().Class("builder-step").Attr("data-exercise", string(s.Exercise)).Body(
		app.H3().ID(id+"-title").Text(e.Text.Format("routines.builder.step", "n", strconv.Itoa(i+1), "name", name)),
		app.Div().Class("builder-dose").Body(
			p.numberField(id+"-hold", "routines.builder.hold", int(s.Hold/time.Second), 1, int(routine.MaxHold/time.Second), func(n int) {
				p.steps[i].Hold = time.Duration(n) * time.Second
			}),
			p.numberField(id+"-reps", "routines.builder.reps", s.Reps, routine.MinReps, routine.MaxReps, func(n int) {
				p.steps[i].Reps = n
			}),
			p.numberField(id+"-rest", "routines.builder.rest", int(s.Rest/time.Second), 0, int(routine.MaxRest/time.Second), func(n int) {
				p.steps[i].Rest = time.Duration(n) * time.Second
			}),
		),
		app.If(x.Defaults.Sides, func() app.UI {
			return app.Label().Class("switch").For(id+"-sides").Body(
				app.Input().Type("checkbox").ID(id+"-sides").Checked(s.Sides).
					OnChange(func(ctx app.Context, ev app.Event) {
						p.steps[i].Sides = ctx.JSSrc().Get("checked").Bool()
						p.link = ""
					}),
				app.Span().Text(e.T("routines.builder.sides")),
			)
		}),
		app.Div().Class("builder-move").Body(
			app.Button().Type("button").Class("btn btn-quiet btn-small").Disabled(i == 0).
				Attr("aria-label", e.Text.Format("routines.builder.up", "name", name)).Text(e.T("routines.builder.up_short")).
				OnClick(func(ctx app.Context, ev app.Event) { p.move(i, -1) }),
			app.Button().Type("button").Class("btn btn-quiet btn-small").Disabled(i == len(p.steps)-1).
				Attr("aria-label", e.Text.Format("routines.builder.down", "name", name)).Text(e.T("routines.builder.down_short")).
				OnClick(func(ctx app.Context, ev app.Event) { p.move(i, 1) }),
			app.Button().Type("button").Class("btn btn-quiet btn-small").
				Attr("aria-label", e.Text.Format("routines.builder.remove", "name", name)).Text(e.T("routines.builder.remove_short")).
				OnClick(func(ctx app.Context, ev app.Event) { p.remove(i) }),
		),
	)
}

// numberField is a labelled whole-number input. What is typed is kept only
// when it is a number; the limits are checked on save, with a plain error.
func (p *builderPage) numberField(id, labelKey string, value, lo, hi int, set func(int)) app.UI {
	return app.Div().Class("field builder-number").Body(
		app.Label().For(id).Text(p.Env.T(labelKey)),
		app.Input().Type("number").ID(id).Value(value).Min(lo).Max(hi).Step(1).
			Attr("inputmode", "numeric").
			OnChange(func(ctx app.Context, ev app.Event) {
				if d, ok := secondsField(ctx.JSSrc().Get("value").String()); ok {
					set(int(d / time.Second))
					p.link, p.problem = "", ""
				}
			}),
	)
}
