package view

import (
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/triage"
)

// renderStep shows one group of questions with the progress, the list of
// what still needs an answer, and Back / Next.
func (p *triagePage) renderStep(group triage.Group) app.UI {
	e := p.Env
	step := p.progress.Step
	last := step == len(triageSteps)-1
	questions := p.rules().QuestionsIn(group)
	next := "triage.action.next"
	if last {
		next = "triage.action.finish"
	}
	// One listener for every choice of the step (onChoice), rather than a Go
	// function and a listener made, and later removed, for each.
	return app.Div().Class("triage-step").OnChange(p.onChoice).Body(
		app.P().Class("triage-progress").Body(
			app.Span().ID("triage-progress-label").Text(e.Text.Format("triage.progress", "step", strconv.Itoa(step+1), "steps", strconv.Itoa(len(triageSteps)))),
			app.Progress().Attr("aria-labelledby", "triage-progress-label").Max(len(triageSteps)).Value(step+1),
		),
		app.H2().ID("triage-step-title").TabIndex(-1).Class("triage-group-title").Text(e.T("triage.group."+string(group)+".title")),
		app.P().Class("hint").Text(e.T("triage.group."+string(group)+".intro")),
		app.Range(questions).Slice(func(i int) app.UI {
			return p.renderQuestion(questions[i])
		}),
		app.Div().ID("triage-required").Attr("role", "alert").Body(
			app.If(len(p.missing) > 0, func() app.UI {
				return app.Div().Class("notice notice-warn").Body(
					e.para("", "triage.required"),
					app.Ul().Body(app.Range(p.missing).Slice(func(i int) app.UI {
						return app.Li().Body(app.A().Href("#q-" + string(p.missing[i])).Text(e.T("triage.q." + string(p.missing[i]))))
					})),
				)
			}),
		),
		app.If(group == triage.GroupEmergency, func() app.UI {
			return app.Div().Class("early-call").Body(
				e.para("", "triage.early.text"),
				p.callButton("btn btn-call", e.emergencyCall()),
			)
		}),
		app.Div().Class("actions triage-actions").Body(
			app.If(step > 0, func() app.UI {
				return app.Button().Type("button").Class("btn btn-quiet").Attr("data-action", "back").OnClick(p.onBack).Text(e.T("triage.action.back"))
			}),
			app.Button().Type("button").Class("btn btn-next").Attr("data-action", "next").OnClick(p.onNext).Text(e.T(next)),
		),
	)
}

// renderQuestion shows one question as a group of large choices. Its
// container carries data-question and each choice data-answer.
func (p *triagePage) renderQuestion(q triage.Question) app.UI {
	e := p.Env
	id := "q-" + string(q.ID)
	current, answered := p.progress.Answers[q.ID]
	unanswered := !answered && slices.Contains(p.missing, q.ID)
	class := "field triage-question"
	if unanswered {
		class += " triage-question-missing"
	}
	legend := e.T(q.TextKey())
	if !p.rules().Required(q.ID) {
		legend += " " + e.T("triage.optional")
	}
	return app.FieldSet().ID(id).Class(class).Attr("data-question", string(q.ID)).Attr("data-group", string(q.Group)).Attr("aria-describedby", id+"-help").Body(
		app.Legend().Text(legend),
		app.P().Class("hint").ID(id+"-help").Text(e.T(q.HelpKey())),
		app.Div().Class("segmented choices choices-"+string(q.Kind)).Body(
			app.Range(choicesOf(q)).Slice(func(i int) app.UI {
				c := choicesOf(q)[i]
				label := c.value // a point on a numeric scale is its own label
				if c.key != "" {
					label = e.T(c.key)
				}
				inputID := id + "-" + c.value
				return app.Label().Class("segment choice").For(inputID).Body(
					app.Input().
						Type("radio").
						ID(inputID).
						Name(id).
						Value(c.value).
						Attr("data-answer", c.value).
						Checked(answered && current == c.value),
					app.Span().Text(label),
				)
			}),
		),
		app.If(q.Kind == triage.KindScale, func() app.UI {
			lo, hi := q.ScaleKeys()
			return app.P().Class("scale-ends hint").Body(
				app.Span().Text(e.T(lo)),
				app.Span().Text(e.T(hi)),
			)
		}),
	)
}

// onChoice records the choice a person made, wherever in the step: a radio
// of a question (its name is the question's element id) and a value the
// question allows.
func (p *triagePage) onChoice(ctx app.Context, ev app.Event) {
	target := ev.Get("target")
	if !target.Truthy() || target.Get("type").String() != "radio" {
		return
	}
	id, ok := strings.CutPrefix(target.Get("name").String(), "q-")
	q, known := p.rules().Question(triage.QuestionID(id))
	if value := target.Get("value").String(); ok && known && q.Allows(value) {
		p.answer(q, value)
	}
}

// choice is one answer and its text key ("" for a number on a scale).
type choice struct{ value, key string }

// choicesOf lists a question's answers with their text keys.
func choicesOf(q triage.Question) []choice {
	switch q.Kind {
	case triage.KindYesNoUnsure:
		return []choice{{triage.Yes, "triage.answer.yes"}, {triage.No, "triage.answer.no"}, {triage.Unsure, "triage.answer.unsure"}}
	case triage.KindYesNo:
		return []choice{{triage.Yes, "triage.answer.yes"}, {triage.No, "triage.answer.no"}}
	case triage.KindScale:
		var list []choice
		for v := q.Min; v <= q.Max; v++ {
			s := strconv.Itoa(v)
			list = append(list, choice{s, ""})
		}
		return list
	default:
		var list []choice
		for _, o := range q.Options {
			list = append(list, choice{o, q.OptionKey(o)})
		}
		return list
	}
}
