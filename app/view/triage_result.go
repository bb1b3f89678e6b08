package view

import (
	"context"
	"errors"
	"slices"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/emergency"
	"unknot/app/journal"
	"unknot/app/triage"
)

// renderResult shows the result as CLINICAL.md "What each tier shows" asks.
// An emergency's first screenful holds only the tier, one sentence, the call
// button and what to tell the call handler; every other tier shows the tier
// in words and colour, what to do, why, and the self-care plan where it
// applies. The worsening advice, saving and printing follow.
func (p *triagePage) renderResult(res triage.Result) app.UI {
	e := p.Env
	d := res.Disposition
	call := e.emergencyCall()
	title := app.H1().ID("result-title").TabIndex(-1).Class("result-title").Text(e.T("triage.tier." + string(d) + ".title"))
	if d == triage.Emergency {
		return app.Div().Class("triage-result tier-emergency").Attr("data-disposition", string(d)).Body(
			app.Div().Class("emergency-first").Body(
				title,
				p.callBox(call),
				app.P().Class("result-body").Text(e.T("triage.tier.emergency.body")),
				p.renderTell(res),
			),
			p.renderWorsening(d, call),
			p.renderResultActions(),
		)
	}
	return app.Div().Class("triage-result tier-"+string(d)).Attr("data-disposition", string(d)).Body(
		e.para("result-kicker", "triage.result.title"),
		title,
		app.P().Class("result-when").Text(e.T("triage.tier."+string(d)+".when")),
		app.P().Class("result-body").Text(e.T("triage.tier."+string(d)+".body")),
		app.If(d == triage.Urgent, func() app.UI { return p.renderUrgent(res, call) }),
		app.If(d == triage.Incomplete, func() app.UI { return p.renderIncomplete(res) }),
		p.renderReasons(res),
		app.If(d == triage.Soon || d == triage.SelfCare, func() app.UI { return p.renderSelfCare(d) }),
		p.renderWorsening(d, call),
		p.renderResultActions(),
	)
}

// callBox is the large tel: link with the number and the country it is
// for, and a way to change the country when it is wrong.
func (p *triagePage) callBox(call emergency.Call) app.UI {
	e := p.Env
	return app.Div().Class("call-box").Body(
		p.callButton("btn btn-call", call),
		app.A().Class("call-change").Href(e.Href("/settings")+"#set-country").Attr("data-action", "change-country").
			Text(e.T("triage.call.change")),
	)
}

func (p *triagePage) callButton(class string, call emergency.Call) app.UI {
	label, where := p.Env.callLabel(call)
	return app.A().Class(class).Href("tel:"+call.Number).Attr("data-call", call.Number).Body(
		app.Span().Class("call-number").Text(label),
		app.Span().Class("call-where").Text(" "+where),
	)
}

// renderTell says, in a few words, what to tell the call handler: the signs
// answered Yes or Not sure.
func (p *triagePage) renderTell(res triage.Result) app.UI {
	e := p.Env
	var lines []string
	for _, r := range res.Reasons {
		if r.Tier != triage.Emergency {
			continue
		}
		for _, a := range r.Answers {
			q, _ := p.rules().Question(a.Question)
			line := e.T(q.ReasonKey())
			if a.Value == triage.Unsure {
				line = e.Text.Format("triage.tell.unsure", "reason", line)
			}
			if !slices.Contains(lines, line) {
				lines = append(lines, line)
			}
		}
	}
	return app.Section().Class("result-tell").Attr("aria-labelledby", "result-tell-title").Body(
		e.h2("result-tell-title", "triage.tell.title"),
		app.Ul().Body(app.Range(lines).Slice(func(i int) app.UI { return app.Li().Text(lines[i]) })),
	)
}

// renderIncomplete says how urgent the answers already are and leads back to
// the questions left.
func (p *triagePage) renderIncomplete(res triage.Result) app.UI {
	e := p.Env
	return app.Div().Class("result-section").Body(
		app.If(res.AtLeast == triage.Urgent || res.AtLeast == triage.Soon, func() app.UI {
			return app.P().Class("notice notice-warn result-at-least").Attr("data-at-least", string(res.AtLeast)).
				Text(e.T("triage.at_least." + string(res.AtLeast)))
		}),
		app.Div().Class("actions").Body(
			app.Button().Type("button").Class("btn").Attr("data-action", "answer-missing").OnClick(p.onBackFromResult).Text(e.T("triage.action.answer_missing")),
		),
	)
}

// renderUrgent says where to get care today, and any advice a fired rule
// carries (pregnancy: the midwife or maternity unit).
func (p *triagePage) renderUrgent(res triage.Result, call emergency.Call) app.UI {
	e := p.Env
	where := "triage.urgent.where_other"
	if call.Country == "GB" {
		where = "triage.urgent.where_uk"
	}
	var advice []string
	for _, r := range res.Reasons {
		if rule, ok := p.rules().Rule(r.Rule); ok && rule.Advice != "" && !slices.Contains(advice, rule.Advice) {
			advice = append(advice, rule.Advice)
		}
	}
	return app.Div().Class("result-section").Body(
		app.Range(advice).Slice(func(i int) app.UI {
			return e.para("notice notice-warn result-advice", advice[i])
		}),
		e.para("result-where", where),
	)
}

// renderReasons lists, in plain words, the answers that led to the result.
func (p *triagePage) renderReasons(res triage.Result) app.UI {
	e := p.Env
	var lines []string
	seen := map[triage.QuestionID]bool{}
	for _, r := range res.Reasons {
		for _, a := range r.Answers {
			if seen[a.Question] {
				continue
			}
			seen[a.Question] = true
			lines = append(lines, p.reasonLine(a))
		}
	}
	for _, id := range res.Missing {
		if res.Disposition != triage.Incomplete {
			break // only an incomplete result lists what is unanswered
		}
		q, _ := p.rules().Question(id)
		lines = append(lines, e.Text.Format("triage.result.missing", "reason", e.T(q.ReasonKey())))
	}
	if len(lines) == 0 {
		lines = append(lines, e.T("triage.result.none"))
	}
	return app.Section().Class("result-section").Attr("aria-labelledby", "result-why").Body(
		e.h2("result-why", "triage.result.why"),
		app.Ul().Class("result-reasons").Body(app.Range(lines).Slice(func(i int) app.UI {
			return app.Li().Text(lines[i])
		})),
	)
}

func (p *triagePage) reasonLine(a triage.Answer) string {
	e := p.Env
	q, _ := p.rules().Question(a.Question)
	reason := e.T(q.ReasonKey())
	switch {
	case q.WarningSign() && a.Value == triage.Unsure:
		return e.Text.Format("triage.result.unsure", "reason", reason)
	case q.WarningSign() || q.Kind == triage.KindYesNo && a.Value == triage.Yes:
		return e.Text.Format("triage.result.said_yes", "reason", reason)
	case q.Kind == triage.KindYesNo:
		return e.Text.Format("triage.result.answer", "reason", reason, "answer", e.T("triage.answer."+a.Value))
	case q.Kind == triage.KindScale:
		return e.Text.Format("triage.result.answer", "reason", reason, "answer", a.Value)
	default:
		return e.Text.Format("triage.result.answer", "reason", reason, "answer", e.T(q.OptionKey(a.Value)))
	}
}

// renderSelfCare shows the plan, the heat timer, the routine where the tier
// allows exercise, and the safety net.
func (p *triagePage) renderSelfCare(d triage.Disposition) app.UI {
	e := p.Env
	plan := p.rules().SelfCarePlan()
	routine := "/routines/quick_relief"
	if d == triage.Soon {
		routine = "/routines/early_days"
	}
	return app.Section().Class("result-section").Attr("aria-labelledby", "result-plan").Body(
		e.h2("result-plan", "triage.plan.title"),
		app.Ul().Class("result-plan").Body(app.Range(plan).Slice(func(i int) app.UI {
			return e.li(plan[i].Text)
		})),
		&heatTimer{Env: e},
		app.If(hasPage("/routines"), func() app.UI {
			return app.Div().Class("result-routine").Attr("data-routine-offer", "true").Body(
				e.para("hint", "triage.routine.caution"),
				e.link("btn", routine, "triage.routine.offer"),
			)
		}),
		app.If(d == triage.SelfCare, p.renderRecheck),
	)
}

// renderWorsening lists the signs to watch for, grouped by how soon to act.
func (p *triagePage) renderWorsening(d triage.Disposition, call emergency.Call) app.UI {
	e := p.Env
	items := p.rules().Worsening()
	var tiers []triage.Disposition
	for _, w := range items {
		if !slices.Contains(tiers, w.Tier) && (w.Tier != triage.Soon || d == triage.Soon || d == triage.SelfCare) {
			tiers = append(tiers, w.Tier)
		}
	}
	return app.Section().Class("result-section result-worsening").Attr("aria-labelledby", "result-worse").Body(
		e.h2("result-worse", "triage.worse.title"),
		app.Range(tiers).Slice(func(i int) app.UI {
			tier := tiers[i]
			return app.Div().Class("worse-group worse-"+string(tier)).Body(
				app.H3().Text(e.Text.Format("triage.worse."+string(tier)+".title", "number", call.Number)),
				app.Ul().Body(app.Range(items).Slice(func(j int) app.UI {
					if items[j].Tier != tier {
						return nil
					}
					return e.li(items[j].Text)
				})),
				app.If(tier == triage.Emergency && d != triage.Emergency, func() app.UI {
					return p.callButton("btn btn-danger", call)
				}),
			)
		}),
	)
}

func (p *triagePage) renderResultActions() app.UI {
	e := p.Env
	return app.Div().Class("result-section no-print").Body(
		app.Div().Class("actions").Body(
			app.If(p.openEpisode != nil && !p.progress.Saved, func() app.UI {
				// A spasm is under way: this check is most likely about it.
				return app.Div().Class("save-choice").Attr("role", "group").Attr("aria-labelledby", "triage-save-choice").Body(
					app.P().ID("triage-save-choice").Text(e.Text.Format("triage.save.open",
						"date", e.dayTime(p.openEpisode.Started))),
					app.Button().Type("button").Class("btn").ID("triage-save").Attr("data-action", "attach-check").
						OnClick(func(ctx app.Context, ev app.Event) { p.save(true) }).Text(e.T("triage.save.attach")),
					app.Button().Type("button").Class("btn btn-quiet").Attr("data-action", "new-spasm").
						OnClick(func(ctx app.Context, ev app.Event) { p.save(false) }).Text(e.T("triage.save.new")),
				)
			}).Else(func() app.UI {
				return app.Button().Type("button").Class("btn").ID("triage-save").Disabled(p.progress.Saved).OnClick(p.onSave).
					Text(e.T(saveLabel(p.progress.Saved)))
			}),
			app.If(hasPage("/journal/new"), func() app.UI {
				return app.A().Class("btn btn-quiet").Href(e.Href("/journal/new")).Attr("data-action", "quick-log").Text(e.T("journal.quick.link"))
			}),
			app.Button().Type("button").Class("btn btn-quiet").OnClick(p.onPrint).Text(e.T("triage.action.print")),
			app.Button().Type("button").Class("btn btn-quiet").Attr("data-action", "result-back").OnClick(p.onBackFromResult).Text(e.T("triage.action.back")),
			app.Button().Type("button").Class("btn btn-quiet").OnClick(p.onRestart).Text(e.T("triage.action.restart")),
		),
		app.P().Attr("role", "status").Class(statusClass(p.saveErr != "")).Body(
			app.If(p.saveErr != "", func() app.UI { return app.Text(e.T(p.saveErr)) }),
			app.If(p.saveErr == "" && p.progress.Saved, func() app.UI { return app.Text(e.T("triage.action.saved")) }),
		),
		e.para("muted", "triage.disclaimer"),
	)
}

func saveLabel(saved bool) string {
	if saved {
		return "triage.action.saved"
	}
	return "triage.action.save"
}

// onSave keeps the check in the journal. When a spasm is under way
// (journal.OpenEpisode) the person chooses first whether the check belongs
// to it or to a new one; otherwise it starts a new episode.
func (p *triagePage) onSave(ctx app.Context, e app.Event) {
	bg, now := context.Background(), time.Now()
	recent, err := episodesSince(bg, p.Env.Journal, now.AddDate(0, 0, -journal.OpenEpisodeDays))
	if err != nil {
		p.saveErr = storageErrorKey(err)
		return
	}
	if open, ok := journal.OpenEpisode(recent, now); ok {
		p.openEpisode = &open
		focusID(p.ctx, "triage-save")
		return
	}
	p.save(false)
}

// save stores the answers and result, with the rule-set version: added to
// the spasm under way when attach is true, else as a new episode.
func (p *triagePage) save(attach bool) {
	now := time.Now()
	res := p.rules().Evaluate(p.progress.Answers)
	rec := journal.TriageRecord{At: now, RuleSetVersion: p.rules().Version, Disposition: string(res.Disposition), Answers: map[string]string{}}
	for id, v := range p.progress.Answers {
		rec.Answers[string(id)] = v
	}
	for _, r := range res.Reasons {
		rec.Reasons = append(rec.Reasons, r.Rule)
	}
	ep, base := journal.EpisodeFromCheck(rec), time.Time{}
	if attach && p.openEpisode != nil {
		ep, base = p.openEpisode.AttachCheck(rec), p.openEpisode.Updated
		ep.Updated = later(now, base)
	}
	if err := p.Env.Journal.PutEpisode(context.Background(), ep, base); errors.Is(err, journal.ErrConflict) {
		p.saveErr = "journal.conflict"
		return
	} else if err != nil {
		p.saveErr = storageErrorKey(err)
		return
	}
	p.saveErr, p.openEpisode = "", nil
	p.progress.Saved = true
	p.progress.SavedTo = savedEpisode{ep.ID, ep.Started}
	p.persist()
}

func (p *triagePage) onPrint(ctx app.Context, e app.Event) { p.Env.Platform.Print() }
