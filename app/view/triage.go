package view

import (
	"encoding/json"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/triage"
)

// triageProgressKey keeps the check's answers and step across reloads, so a
// person who reloads, or whose phone kills the tab, loses nothing.
const triageProgressKey = "unknot.triage.progress.v1"

// triageSteps are the question screens, in order: emergency signs first, then
// same-day signs, then context. The result comes after the last.
var triageSteps = []triage.Group{triage.GroupEmergency, triage.GroupSameDay, triage.GroupContext}

// triageProgress is what is saved between reloads.
type triageProgress struct {
	Step    int            `json:"step"`
	Answers triage.Answers `json:"answers"`
	Saved   bool           `json:"saved"` // the result is in the journal
}

// triagePage is the warning-sign check: one screen per group of questions,
// then the result. Any emergency sign answered Yes or Not sure jumps
// straight to the result.
type triagePage struct {
	app.Compo
	Env *Env

	progress triageProgress
	// missing lists the required questions of the current step left
	// unanswered when the person pressed Next.
	missing []triage.QuestionID
	saveErr string // text key of a failed save
}

func (p *triagePage) OnPreRender(ctx app.Context) { p.Env.setTitle(ctx, "triage.title") }

func (p *triagePage) OnNav(ctx app.Context) {
	p.Env.setTitle(ctx, "triage.title")
	p.load()
}

func (p *triagePage) load() {
	p.progress = triageProgress{Answers: triage.Answers{}}
	raw, ok, err := p.Env.Platform.Get(triageProgressKey)
	if err != nil || !ok {
		return
	}
	var saved triageProgress
	if json.Unmarshal([]byte(raw), &saved) != nil || saved.Step < 0 || saved.Step > len(triageSteps) {
		return
	}
	if saved.Answers == nil {
		saved.Answers = triage.Answers{}
	}
	p.progress = saved
}

// persist saves the progress; if storage refuses, the check still works in
// this page, it just would not survive a reload.
func (p *triagePage) persist() {
	b, err := json.Marshal(p.progress)
	if err == nil {
		p.Env.Platform.Set(triageProgressKey, string(b))
	}
}

func (p *triagePage) rules() *triage.RuleSet { return p.Env.Catalog.Triage() }

func (p *triagePage) onResult() bool { return p.progress.Step >= len(triageSteps) }

func (p *triagePage) Render() app.UI {
	e := p.Env
	if p.onResult() {
		res := p.rules().Evaluate(p.progress.Answers)
		return e.layout("triage", p.renderResult(res))
	}
	return e.layout("triage",
		e.h1("triage.title"),
		app.If(p.progress.Step == 0, func() app.UI {
			return e.para("lead", "triage.intro")
		}),
		p.renderStep(triageSteps[p.progress.Step]),
	)
}

// answer records one answer. An emergency sign answered Yes or Not sure
// ends the check at once: the person must not be kept answering questions.
func (p *triagePage) answer(ctx app.Context, q triage.Question, value string) {
	p.progress.Answers[q.ID] = value
	p.progress.Saved = false
	p.missing = removeID(p.missing, q.ID)
	if q.Group == triage.GroupEmergency && (value == triage.Yes || value == triage.Unsure) {
		p.progress.Step = len(triageSteps)
		p.persist()
		ctx.Defer(func(app.Context) { scrollToTop(ctx) })
		return
	}
	p.persist()
}

// onNext moves on when every required question of the step is answered.
func (p *triagePage) onNext(ctx app.Context, e app.Event) {
	step := triageSteps[p.progress.Step]
	p.missing = p.missing[:0]
	for _, q := range p.rules().QuestionsIn(step) {
		if _, ok := p.progress.Answers[q.ID]; !ok && requiredQuestion(p.rules(), q) {
			p.missing = append(p.missing, q.ID)
		}
	}
	if len(p.missing) > 0 {
		ctx.Defer(func(app.Context) { ctx.ScrollTo("triage-required") })
		return
	}
	p.progress.Step++
	p.persist()
	ctx.Defer(func(app.Context) { scrollToTop(ctx) })
}

func (p *triagePage) onBack(ctx app.Context, e app.Event) {
	if p.progress.Step > 0 {
		p.progress.Step--
	}
	p.missing = nil
	p.persist()
	ctx.Defer(func(app.Context) { scrollToTop(ctx) })
}

// onBackFromResult returns to the first step with an unanswered warning
// sign, or to the last question step.
func (p *triagePage) onBackFromResult(ctx app.Context, e app.Event) {
	p.progress.Step = len(triageSteps) - 1
	res := p.rules().Evaluate(p.progress.Answers)
	if len(res.Missing) > 0 {
		q, _ := p.rules().Question(res.Missing[0])
		for i, g := range triageSteps {
			if g == q.Group {
				p.progress.Step = i
			}
		}
	} else {
		for _, r := range res.Reasons {
			if r.Tier == triage.Emergency {
				p.progress.Step = 0
			}
		}
	}
	p.persist()
	ctx.Defer(func(app.Context) { scrollToTop(ctx) })
}

func (p *triagePage) onRestart(ctx app.Context, e app.Event) {
	p.progress = triageProgress{Answers: triage.Answers{}}
	p.missing = nil
	p.saveErr = ""
	p.persist()
	ctx.Defer(func(app.Context) { scrollToTop(ctx) })
}

// requiredQuestion reports whether the check cannot finish without q: every
// warning sign, and every context question a rule looks at. Only answers no
// rule uses (the trigger, the pain score, pregnancy) may be skipped.
func requiredQuestion(rs *triage.RuleSet, q triage.Question) bool {
	if q.WarningSign() {
		return true
	}
	for _, r := range rs.Rules() {
		for _, c := range r.When {
			if c.Question == q.ID {
				return true
			}
		}
	}
	return false
}

func removeID(ids []triage.QuestionID, id triage.QuestionID) []triage.QuestionID {
	out := ids[:0]
	for _, x := range ids {
		if x != id {
			out = append(out, x)
		}
	}
	return out
}

func scrollToTop(ctx app.Context) { ctx.ScrollTo("main") }
