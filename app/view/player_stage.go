package view

import (
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
	"unknot/app/routine"
)

// stage is the player before and during the routine: the countdown, the
// exercise and how to do it, the controls and what comes next.
func (p *playerPage) stage() app.UI {
	e := p.Env
	st := p.status
	ex, _ := e.Catalog.Routines().Exercise(st.Exercise)
	name := e.T(ex.NameKey)
	return app.Div().Class("player-stage").Body(
		app.Div().Class("player-now").Body(
			app.P().Class("player-phase").Text(p.phaseLabel()),
			// Before the start there is no count to show: a big "5" above
			// the pain question read like a score.
			app.If(st.State != routine.StateReady, func() app.UI {
				return app.P().Class("player-countdown").Body(
					app.Span().Attr("aria-hidden", "true").Text(p.countdown()),
					app.Span().Class("visually-hidden").Text(e.Text.Format("player.seconds_left", "seconds", itoa(wholeSeconds(st.Remaining)))),
				)
			}),
			app.Progress().Class("player-progress").Attr("aria-label", e.T("player.progress")).
				Max(st.Total.Milliseconds()).Value(st.Elapsed.Milliseconds()),
		),
		app.If(st.State == routine.StateReady, func() app.UI {
			return app.Div().Class("player-ask").Body(p.painBeforeScale())
		}),
		p.controls(),
		app.Section().Class("player-exercise").Attr("aria-labelledby", "exercise-name").Body(
			app.P().Class("player-step-of").Text(e.Text.Format("player.exercise_of", "n", itoa(st.Step+1), "total", itoa(st.Steps))),
			app.H2().ID("exercise-name").Text(name),
			app.If(p.timed(), func() app.UI {
				return app.P().Class("player-rep").Text(e.Text.Format("player.timed", "minutes", itoa(int(st.Length/time.Minute))))
			}).ElseIf(st.Rep > 0 && st.Reps > 1, func() app.UI { return app.P().Class("player-rep").Text(p.repLine()) }),
			app.Img().Class("player-picture").Src("/web/"+ex.Illustration).
				Alt(e.Text.Format("player.picture", "name", name)).Width(320).Height(240),
			app.P().Class("player-next").Text(p.nextLine()),
			e.h3("player.how"),
			app.Ol().Class("player-how").Body(
				app.Range(ex.StepKeys).Slice(func(i int) app.UI { return e.li(ex.StepKeys[i]) }),
			),
			e.h3("player.feel"),
			app.P().Text(e.T(ex.FeelKey)),
			e.h3("player.avoid"),
			app.P().Text(e.T(ex.AvoidKey)),
			app.Range(ex.CautionKeys).Slice(func(i int) app.UI {
				return e.para("notice notice-warn", ex.CautionKeys[i])
			}),
		),
	)
}

// phaseLabel says what is happening: "Hold", "Rest", or the state when it
// is not playing ("Ready to start", "Paused").
func (p *playerPage) phaseLabel() string {
	switch st := p.status; st.State {
	case routine.StateRunning, routine.StateRest:
		if p.timed() {
			return p.Env.T("player.timed.phase")
		}
		return p.Env.T(st.Phase.TextKey())
	default:
		return p.Env.T(st.State.TextKey())
	}
}

// timed reports whether the step is one long hold, such as walking, that
// is shown in minutes rather than as a repetition.
func (p *playerPage) timed() bool {
	st := p.status
	return st.Phase == routine.PhaseHold && st.Reps == 1 && st.Length >= time.Minute
}

// countdown is the time left: seconds, or minutes and seconds ("1:58") on
// a timed step.
func (p *playerPage) countdown() string {
	s := wholeSeconds(p.status.Remaining)
	if !p.timed() {
		return itoa(s)
	}
	return itoa(s/60) + ":" + string(rune('0'+s%60/10)) + string(rune('0'+s%10))
}

// repLine is "Left side · rep 2 of 5", or "Rep 2 of 5" for a two-sided
// exercise.
func (p *playerPage) repLine() string {
	e, st := p.Env, p.status
	if st.Side == routine.Left || st.Side == routine.Right {
		return e.Text.Format("player.side_rep", "side", e.T(st.Side.TextKey()), "rep", itoa(st.Rep), "reps", itoa(st.Reps))
	}
	return e.Text.Format("player.rep_of", "rep", itoa(st.Rep), "reps", itoa(st.Reps))
}

func (p *playerPage) nextLine() string {
	e := p.Env
	steps := p.plan.Routine.Steps
	if next := p.status.Step + 1; next < len(steps) {
		ex, _ := e.Catalog.Routines().Exercise(steps[next].Exercise)
		return e.Text.Format("player.next", "name", e.T(ex.NameKey))
	}
	return e.T("player.next_end")
}

// summary is the end of the session: how it went, the journal outcome, the
// pain afterwards.
func (p *playerPage) summary() app.UI {
	e := p.Env
	sum := p.player.Summary()
	// What the end says comes from journal.OutcomeOf: no praise and nothing
	// saved when not one exercise was done.
	outcome := journal.OutcomeOf(sum.StepsDone, sum.Steps)
	title, text := "player.done.title", "player.done.finished"
	switch outcome {
	case journal.Partial:
		title, text = "player.done.partial_title", "player.done.stopped"
	case journal.NotStarted:
		title, text = "player.done.none_title", "player.done.none"
	}
	return app.Div().Class("player-summary").Attr("data-outcome", outcomeHook[outcome]).Body(
		app.H2().Text(e.T(title)),
		app.P().Text(e.T(text)),
		app.If(outcome != journal.NotStarted, func() app.UI {
			return app.P().Text(e.Text.Format("player.done.steps", "done", itoa(sum.StepsDone), "total", itoa(sum.Steps)))
		}),
		app.If(p.saveErr != "", func() app.UI {
			return app.P().Class("notice notice-error").Attr("role", "alert").Text(e.T(p.saveErr))
		}).ElseIf(p.session != nil && p.Env.Journal != nil, func() app.UI {
			return e.para("save-status", "player.saved")
		}),
		app.If(outcome != journal.NotStarted, func() app.UI {
			return p.painScale("pain-after", "player.pain.after", p.painAfter, p.onPainAfter)
		}),
		app.Div().Class("actions").Body(
			app.Button().Type("button").ID("again").Class("btn").Text(e.T("player.again")).OnClick(p.onAgain),
			e.link("btn btn-quiet", "/routines", "player.all_routines"),
		),
	)
}

func (p *playerPage) painBeforeScale() app.UI {
	return p.painScale("pain-before", "player.pain.before", p.painBefore, func(ctx app.Context, score int) {
		p.painBefore = &score
	})
}

// painScale is the optional 0 to 10 rating before and after.
func (p *playerPage) painScale(id, legendKey string, chosen *int, choose func(app.Context, int)) app.UI {
	return p.Env.painPicker(painPicker{id: id, legend: legendKey, hint: "player.pain.hint", hook: "score", keep: true, chosen: chosen, choose: choose})
}

// outcomeHook names a session's outcome for tests (data-outcome).
var outcomeHook = map[journal.SessionOutcome]string{
	journal.NotStarted: "none", journal.Partial: "partial", journal.Completed: "completed",
}

// wholeSeconds rounds up, so a countdown shows 1 until it reaches 0.
func wholeSeconds(d time.Duration) int {
	return int((d + time.Second - 1) / time.Second)
}

func itoa(n int) string { return strconv.Itoa(n) }
