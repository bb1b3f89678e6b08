package view

import (
	"encoding/json"
	"net/url"
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
	"unknot/app/triage"
)

// triageProgressKey keeps the check in progress and the last finished check
// across reloads.
const triageProgressKey = "unknot.triage.progress.v2"

// triageCheckParam names the check in the address (/triage?check=…), so a
// reload reopens the same check while every other entry starts a new one
// (CLINICAL.md, "Every check is a fresh check").
const triageCheckParam = "check"

// triageSteps are the question screens, in order: emergency signs first, then
// same-day signs, then context. The result comes after the last.
var triageSteps = []triage.Group{triage.GroupEmergency, triage.GroupSameDay, triage.GroupContext}

// triageProgress is one check: its answers, where the person is in it, and
// whether its result is in the journal.
type triageProgress struct {
	Check    string         `json:"check"`
	Step     int            `json:"step"`
	Answers  triage.Answers `json:"answers"`
	Saved    bool           `json:"saved"`             // the result is in the journal
	Finished time.Time      `json:"finished,omitzero"` // when the result was first shown
	// SavedTo is the journal episode the result was last saved to: the
	// calendar reminders are its re-check days.
	SavedTo savedEpisode `json:"saved_to,omitzero"`
}

// savedEpisode names an episode and when it began.
type savedEpisode struct {
	ID      string    `json:"id"`
	Started time.Time `json:"started"`
}

// triageSaved is what is kept between reloads: the check in progress and the
// last check that reached a result.
type triageSaved struct {
	Current triageProgress  `json:"current"`
	Last    *triageProgress `json:"last,omitempty"`
}

// triagePage is the warning-sign check: one screen per group of questions,
// then the result. It ends as soon as the result is final (triage.Result.Final):
// an emergency sign answered Yes or Not sure, or a same-day sign once every
// emergency sign is "no", shows the result at once.
type triagePage struct {
	app.Compo
	Env *Env

	// ctx is the page's own context: work that must outlive the control
	// that asked for it (scrolling to the result that replaces the
	// question) goes through it (STYLE.md, habit 11).
	ctx      app.Context
	progress triageProgress
	last     *triageProgress
	// missing lists the required questions of the current step left
	// unanswered when the person pressed Next.
	missing []triage.QuestionID
	saveErr string // text key of a failed save
	// openEpisode is the spasm under way when Save found one: the person
	// chooses whether this check belongs to it.
	openEpisode *journal.Episode
	// shownBlank is whether the last Render showed a blank first screen.
	shownBlank bool
}

// OnPreRender renders on the server (and in native tests, where it keeps
// the context that OnMount keeps in the browser).
func (p *triagePage) OnPreRender(ctx app.Context) {
	p.ctx = ctx
	p.Env.setTitle(ctx, "triage.title")
}

// OnMount keeps the context; nothing on screen changes, so go-app need not
// build the page again, as it does after OnMount.
func (p *triagePage) OnMount(ctx app.Context) {
	p.ctx = ctx
	ctx.PreventUpdate()
}

func (p *triagePage) OnNav(ctx app.Context) {
	p.ctx = ctx
	p.Env.setTitle(ctx, "triage.title")
	p.missing, p.saveErr = nil, ""
	check := ctx.Page().URL().Query().Get(triageCheckParam)
	saved := p.loadSaved()
	p.last = saved.Last
	switch {
	case check != "" && saved.Current.Check == check:
		p.progress = saved.Current
	case check != "" && saved.Last != nil && saved.Last.Check == check:
		p.progress = *saved.Last
	default:
		p.startCheck(ctx, check)
	}
	// A page built a moment ago shows a blank first screen; when the check
	// that has now begun is blank too, the second build go-app makes after
	// OnNav would change nothing.
	if p.shownBlank && p.blank() {
		ctx.PreventUpdate()
	}
}

// blank reports whether the page shows a check's first screen with nothing
// answered, nothing asked for and no link to a last check: everything else
// on that screen comes from Env, not from the check.
func (p *triagePage) blank() bool {
	return p.progress.Step == 0 && len(p.progress.Answers) == 0 && len(p.missing) == 0 && !p.showsLastCheck()
}

// showsLastCheck reports whether the first screen links to the last
// check: one that reached a result and is not the check under way.
func (p *triagePage) showsLastCheck() bool {
	last := p.last
	return last != nil && last.Check != p.progress.Check && !last.Finished.IsZero()
}

// startCheck begins a new check at the first warning-sign question and names
// it in the address, so that a reload comes back to it.
func (p *triagePage) startCheck(ctx app.Context, check string) {
	if check == "" {
		check = strconv.FormatInt(time.Now().UnixNano(), 36)
	}
	p.progress, p.openEpisode = triageProgress{Check: check, Answers: triage.Answers{}}, nil
	p.takeEarlyAnswers()
	u := *ctx.Page().URL()
	q := u.Query()
	q.Set(triageCheckParam, check)
	u.RawQuery = q.Encode()
	ctx.Page().ReplaceURL(&u)
}

// takeEarlyAnswers carries over the answers given to the pre-rendered form
// before the program started: the person loses none, and a final answer (an
// emergency sign) shows its result at once.
func (p *triagePage) takeEarlyAnswers() {
	early := p.Env.Platform.TakeEarlyAnswers()
	for id, v := range early {
		if q, ok := p.rules().Question(triage.QuestionID(id)); ok && q.Allows(v) {
			p.progress.Answers[q.ID] = v
		}
	}
	if len(p.progress.Answers) == 0 {
		return
	}
	if p.rules().Evaluate(p.progress.Answers).Final() {
		p.progress.Step = len(triageSteps)
	}
	p.persist()
}

func (p *triagePage) loadSaved() triageSaved {
	var saved triageSaved
	raw, ok, err := p.Env.Platform.Get(triageProgressKey)
	if err != nil || !ok || json.Unmarshal([]byte(raw), &saved) != nil {
		return triageSaved{}
	}
	for _, c := range []*triageProgress{&saved.Current, saved.Last} {
		if c == nil {
			continue
		}
		if c.Step < 0 || c.Step > len(triageSteps) {
			c.Step = 0
		}
		if c.Answers == nil {
			c.Answers = triage.Answers{}
		}
	}
	return saved
}

// persist saves the check; a check that has reached its result is also the
// last check. If storage refuses, the check still works in this page, it
// just would not survive a reload.
func (p *triagePage) persist() {
	saved := triageSaved{Current: p.progress, Last: p.last}
	if p.onResult() {
		if p.progress.Finished.IsZero() {
			p.progress.Finished = time.Now()
			saved.Current = p.progress
		}
		last := p.progress
		p.last, saved.Last = &last, &last
	}
	if b, err := json.Marshal(saved); err == nil {
		p.Env.Platform.Set(triageProgressKey, string(b))
	}
}

func (p *triagePage) rules() *triage.RuleSet { return p.Env.Catalog.Triage() }

func (p *triagePage) onResult() bool { return p.progress.Step >= len(triageSteps) }

func (p *triagePage) Render() app.UI {
	e := p.Env
	p.shownBlank = p.blank()
	if p.onResult() {
		res := p.rules().Evaluate(p.progress.Answers)
		if res.Disposition == triage.Emergency {
			return e.emergencyLayout("triage", p.renderResult(res))
		}
		return e.layout("triage", p.renderResult(res))
	}
	return e.layout("triage",
		e.h1("triage.title"),
		app.If(p.progress.Step == 0, func() app.UI {
			return app.Div().Body(
				e.para("lead", "triage.intro"),
				p.renderLastCheck(),
			)
		}),
		p.renderStep(triageSteps[p.progress.Step]),
	)
}

// renderLastCheck keeps the last result one tap away, never in place of
// the new check.
func (p *triagePage) renderLastCheck() app.UI {
	if !p.showsLastCheck() {
		return nil
	}
	last, e := p.last, p.Env
	res := p.rules().Evaluate(last.Answers)
	href := e.Href("/triage") + "?" + url.Values{triageCheckParam: {last.Check}}.Encode()
	return app.P().Class("triage-last").Body(
		app.A().Href(href).Attr("data-action", "last-check").Text(e.Text.Format("triage.last",
			"date", e.day(last.Finished), "result", e.T("triage.tier."+string(res.Disposition)+".title"))),
	)
}

// answer records one answer, and ends the check at once when the result is
// final: the person must not be kept answering questions.
func (p *triagePage) answer(q triage.Question, value string) {
	p.progress.Answers[q.ID] = value
	p.progress.Saved = false
	p.missing = removeID(p.missing, q.ID)
	if p.rules().Evaluate(p.progress.Answers).Final() {
		p.progress.Step = len(triageSteps)
		p.persist()
		p.showTop("result-title")
		return
	}
	p.persist()
}

// onNext moves on when every required question of the step is answered.
func (p *triagePage) onNext(ctx app.Context, e app.Event) {
	step := triageSteps[p.progress.Step]
	p.missing = p.missing[:0]
	for _, q := range p.rules().QuestionsIn(step) {
		if _, ok := p.progress.Answers[q.ID]; !ok && p.rules().Required(q.ID) {
			p.missing = append(p.missing, q.ID)
		}
	}
	if len(p.missing) > 0 {
		p.ctx.ScrollTo("triage-required")
		return
	}
	p.progress.Step++
	p.persist()
	p.showTop(p.stepHeadingID())
}

func (p *triagePage) onBack(ctx app.Context, e app.Event) {
	if p.progress.Step > 0 {
		p.progress.Step--
	}
	p.missing = nil
	p.persist()
	p.showTop(p.stepHeadingID())
}

// onBackFromResult returns to the first step with an unanswered warning
// sign, or to the step of the most urgent sign, or to the last question step.
func (p *triagePage) onBackFromResult(ctx app.Context, e app.Event) {
	p.progress.Step = len(triageSteps) - 1
	res := p.rules().Evaluate(p.progress.Answers)
	var to triage.QuestionID
	switch {
	case len(res.Missing) > 0:
		to = res.Missing[0]
	case len(res.Reasons) > 0 && res.Final():
		to = res.Reasons[0].Answers[0].Question
	}
	if q, ok := p.rules().Question(to); ok {
		for i, g := range triageSteps {
			if g == q.Group {
				p.progress.Step = i
			}
		}
	}
	p.persist()
	p.showTop(p.stepHeadingID())
}

// onRestart starts a new check.
func (p *triagePage) onRestart(ctx app.Context, e app.Event) {
	p.startCheck(p.ctx, "")
	p.missing = nil
	p.saveErr = ""
	p.showTop(p.stepHeadingID())
}

func (p *triagePage) stepHeadingID() string {
	if p.onResult() {
		return "result-title"
	}
	return "triage-step-title"
}

// showTop brings the top of the page into view and moves focus to the
// heading id after the next render, through the page's context: the control
// that was tapped is often gone by then.
func (p *triagePage) showTop(id string) {
	if p.ctx.Src() == nil || !app.IsClient {
		return
	}
	p.ctx.Defer(func(app.Context) {
		app.Window().Call("scrollTo", 0, 0)
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("focus", map[string]any{"preventScroll": true})
		}
	})
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
