package view

import (
	"slices"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
)

// dateTimeLocal is the value format of <input type="datetime-local">.
const dateTimeLocal = "2006-01-02T15:04"

// renderForm is the episode's details, all optional. Typing changes only
// the draft; Save writes it.
func (p *episodePage) renderForm() app.UI {
	e, d := p.Env, p.draft
	ended := ""
	if d.Ended != nil {
		ended = d.Ended.In(time.Local).Format(dateTimeLocal)
	}
	return app.Form().Class("episode-form").Attr("aria-labelledby", "episode-form-title").OnSubmit(func(ctx app.Context, ev app.Event) {
		ev.PreventDefault()
		p.onSave(ctx, ev)
	}).Body(
		e.h2("episode-form-title", "journal.episode.details"),
		app.Div().Class("field").Body(
			e.label("episode-started", "journal.field.started"),
			app.Input().Type("datetime-local").ID("episode-started").Value(d.Started.In(time.Local).Format(dateTimeLocal)).
				OnChange(func(ctx app.Context, ev app.Event) {
					if t, ok := parseLocal(ctx.JSSrc().Get("value").String()); ok {
						p.draft.Started = t
					}
				}),
			app.P().Class("field-shown").Attr("aria-hidden", "true").Text(e.dayTime(d.Started)),
		),
		app.Div().Class("field").Body(
			e.label("episode-ended", "journal.field.ended"),
			e.paraID("hint", "episode-ended-hint", "journal.field.ended.hint"),
			app.Input().Type("datetime-local").ID("episode-ended").Value(ended).Attr("aria-describedby", "episode-ended-hint").
				OnChange(func(ctx app.Context, ev app.Event) {
					if t, ok := parseLocal(ctx.JSSrc().Get("value").String()); ok {
						p.draft.Ended = &t
					} else {
						p.draft.Ended = nil
					}
				}),
			app.If(d.Ended != nil, func() app.UI {
				return app.P().Class("field-shown").Attr("aria-hidden", "true").Text(e.dayTime(*d.Ended))
			}),
		),
		p.radioGroup("where", append([]string{""}, journal.Wheres...), d.Where, func(v string) { p.draft.Where = v }),
		p.checkGroup("spreads", journal.SpreadAreas, d.Spreads, func(vs []string) { p.draft.Spreads = vs }),
		p.checkGroup("triggers", journal.TriggerIDs, d.Triggers, func(vs []string) { p.draft.Triggers = vs }),
		p.textField("trigger_note", "episode-trigger-note", d.TriggerNote, journal.MaxTriggerNoteRunes, false, func(v string) { p.draft.TriggerNote = v }),
		p.triedFields(),
		p.textField("medicines", "episode-medicines", p.meds, journal.MaxMedicines*(journal.MaxMedicineRunes+1), true, func(v string) { p.meds = v }),
		p.textField("notes", "episode-notes", d.Notes, journal.MaxNoteRunes, true, func(v string) { p.draft.Notes = v }),
		app.Div().Class("actions").Body(
			app.Button().Type("submit").Class("btn").Attr("data-action", "save-episode").Text(e.T("journal.episode.save")),
		),
	)
}

func parseLocal(v string) (time.Time, bool) {
	t, err := time.ParseInLocation(dateTimeLocal, v, time.Local)
	return t, err == nil
}

// radioGroup: legend journal.field.<name>, labels journal.<name>.<value>
// ("" is journal.<name>.none).
func (p *episodePage) radioGroup(name string, values []string, current string, set func(string)) app.UI {
	e := p.Env
	return app.FieldSet().Class("field").Body(
		e.legend("journal.field."+name),
		app.Div().Class("segmented").Body(app.Range(values).Slice(func(i int) app.UI {
			v := values[i]
			id, label := "ep-"+name+"-"+v, "journal."+name+"."+v
			if v == "" {
				id, label = "ep-"+name+"-none", "journal."+name+".none"
			}
			return app.Label().Class("segment").For(id).Body(
				app.Input().Type("radio").ID(id).Name("ep-"+name).Value(v).Checked(v == current).
					OnChange(func(ctx app.Context, ev app.Event) { set(v) }),
				app.Span().Text(e.T(label)),
			)
		})),
	)
}

// checkGroup: a checkbox per value, keeping the chosen ones in the order
// of values.
func (p *episodePage) checkGroup(name string, values, current []string, set func([]string)) app.UI {
	e := p.Env
	return app.FieldSet().Class("field").Body(
		e.legend("journal.field."+name),
		app.Div().Class("checks").Body(app.Range(values).Slice(func(i int) app.UI {
			v := values[i]
			id := "ep-" + name + "-" + v
			return app.Label().Class("switch").For(id).Body(
				app.Input().Type("checkbox").ID(id).Checked(slices.Contains(current, v)).
					OnChange(func(ctx app.Context, ev app.Event) {
						on := ctx.JSSrc().Get("checked").Bool()
						var next []string
						for _, w := range values {
							if (w == v && on) || (w != v && slices.Contains(current, w)) {
								next = append(next, w)
							}
						}
						current = next
						set(next)
					}),
				app.Span().Text(e.T("journal."+trimPlural(name)+"."+v)),
			)
		})),
	)
}

// trimPlural maps a field to its value keys: spreads → spread, triggers →
// trigger.
func trimPlural(name string) string {
	switch name {
	case "spreads":
		return "spread"
	case "triggers":
		return "trigger"
	}
	return name
}

// textField is a labelled text input or textarea with a hint,
// journal.field.<name> and journal.field.<name>.hint.
func (p *episodePage) textField(name, id, value string, maxLen int, area bool, set func(string)) app.UI {
	e := p.Env
	onInput := func(ctx app.Context, ev app.Event) { set(ctx.JSSrc().Get("value").String()) }
	var input app.UI
	if area {
		input = app.Textarea().ID(id).MaxLength(maxLen).Attr("aria-describedby", id+"-hint").OnInput(onInput).Text(value)
	} else {
		input = app.Input().Type("text").ID(id).MaxLength(maxLen).Attr("aria-describedby", id+"-hint").Value(value).OnInput(onInput)
	}
	return app.Div().Class("field").Body(
		e.label(id, "journal.field."+name),
		e.paraID("hint", id+"-hint", "journal.field."+name+".hint"),
		input,
	)
}

// triedFields: for each treatment, a choice of how well it worked, or
// "not tried".
func (p *episodePage) triedFields() app.UI {
	e := p.Env
	effect := map[string]string{}
	for _, t := range p.draft.Tried {
		effect[t.What] = t.Effect
	}
	return app.FieldSet().Class("field tried").Body(
		e.legend("journal.field.tried"),
		e.para("hint", "journal.field.tried.hint"),
		app.Range(journal.Treatments).Slice(func(i int) app.UI {
			what := journal.Treatments[i]
			id := "ep-tried-" + what
			return app.Div().Class("tried-row").Body(
				e.label(id, "journal.tried."+what),
				app.Select().ID(id).OnChange(func(ctx app.Context, ev app.Event) {
					p.setTried(what, ctx.JSSrc().Get("value").String())
				}).Body(
					e.option("", effect[what] == "", "journal.effect.none"),
					app.Range(journal.Effects).Slice(func(j int) app.UI {
						ef := journal.Effects[j]
						return e.option(ef, effect[what] == ef, "journal.effect."+ef)
					}),
				),
			)
		}),
	)
}

// setTried records what's effect ("" removes it), in treatment order.
func (p *episodePage) setTried(what, effect string) {
	have := map[string]string{}
	for _, t := range p.draft.Tried {
		have[t.What] = t.Effect
	}
	have[what] = effect
	var next []journal.Tried
	for _, w := range journal.Treatments {
		if have[w] != "" {
			next = append(next, journal.Tried{What: w, Effect: have[w]})
		}
	}
	p.draft.Tried = next
}
