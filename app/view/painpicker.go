package view

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// painPicker is the one 0 to 10 pain rating, the same on every page (the
// quick log, the player, an episode): a legend, how to read the scale,
// and eleven buttons, 0 to 5 and 6 to 10 on two rows on a phone, one row
// where there is room. Choosing is never required.
type painPicker struct {
	id     string // the fieldset's id
	legend string // text keys: the question and the hint
	hint   string
	// hook names the data attribute each button carries its score in
	// (data-score, data-pain, data-add-pain), for tests and pages alike.
	hook     string
	legendID string // set when the page moves focus to the question
	// keep marks a picker whose choice stays on the page (the player's):
	// the chosen button is pressed, and a live line says the score.
	keep   bool
	chosen *int
	choose func(ctx app.Context, score int)
}

func (e *Env) painPicker(p painPicker, after ...app.UI) app.UI {
	legend := app.Legend().Class("pain-legend").Text(e.T(p.legend))
	if p.legendID != "" {
		legend = legend.ID(p.legendID).TabIndex(-1)
	}
	return app.FieldSet().Class("field pain-picker").ID(p.id).Attr("aria-describedby", p.id+"-hint").Body(
		legend,
		e.paraID("hint", p.id+"-hint", p.hint),
		app.Div().Class("pain-buttons").Body(
			app.Range(painValues).Slice(func(score int) app.UI { // the index is the score
				return app.Button().Type("button").Class("pain-button").Attr("data-"+p.hook, score).
					Attr("aria-pressed", p.chosen != nil && *p.chosen == score).
					Attr("aria-label", e.Text.Format("player.pain.score", "score", itoa(score))).
					Text(itoa(score)).
					OnClick(func(ctx app.Context, ev app.Event) { p.choose(ctx, score) }, app.EventScope(p.id, score))
			}),
		),
		app.If(p.keep, func() app.UI {
			return app.P().Class("pain-chosen").Attr("role", "status").Attr("aria-live", "polite").Body(
				app.If(p.chosen != nil, func() app.UI {
					return app.Text(e.Text.Format("player.pain.chosen", "score", itoa(*p.chosen)))
				}),
			)
		}),
		app.Range(after).Slice(func(i int) app.UI { return after[i] }),
	)
}

// painValues are the scores of the scale, 0 to 10.
var painValues = []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"}
