package view

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// heatTimerKey keeps a running timer across reloads: its kind, length and
// end instant.
const heatTimerKey = "unknot.timer.v1"

// timerChoice is one timer the person can start. CLINICAL.md gives heat
// 15–20 minutes and ice, optional, up to 20 minutes: ranges, not rules.
type timerChoice struct {
	Kind    string // "heat" or "ice": the text keys timer.<kind>.*
	Minutes int
}

var timerChoices = []timerChoice{{"heat", 15}, {"heat", 20}, {"ice", 10}, {"ice", 20}}

// timerState is what is saved while a timer runs.
type timerState struct {
	Kind    string    `json:"kind"`
	Minutes int       `json:"minutes"`
	EndsAt  time.Time `json:"ends_at"`
}

// heatTimer counts down a heat or ice session and rings at the end. The end
// is an instant, so a throttled or sleeping tab, or a reload, shows the time
// left from the clock, never from counting ticks. Its ticks go through the
// timer's own context: the Start button that began it is gone by the first
// tick (STYLE.md, habit 11).
type heatTimer struct {
	app.Compo
	Env *Env

	ctx      app.Context
	state    timerState // zero when no timer runs
	now      time.Time
	done     bool
	stopTick func()
}

// OnPreRender keeps the context for a render outside the browser (the
// server's, and native tests', where OnMount does not run).
func (t *heatTimer) OnPreRender(ctx app.Context) { t.ctx = ctx }

// OnMount resumes a timer that was running when the page was left.
func (t *heatTimer) OnMount(ctx app.Context) {
	t.ctx = ctx
	raw, ok, err := t.Env.Platform.Get(heatTimerKey)
	if err != nil || !ok {
		return
	}
	var saved timerState
	if json.Unmarshal([]byte(raw), &saved) != nil || saved.EndsAt.IsZero() || !validTimerKind(saved.Kind) {
		return
	}
	t.state = saved
	t.now = t.Env.clock().Now()
	if !t.now.Before(saved.EndsAt) {
		// It ended while the page was closed: say so, without a late alarm.
		t.finish(false)
		return
	}
	t.startTicking()
}

func (t *heatTimer) OnDismount() { t.halt() }

func (t *heatTimer) running() bool { return !t.state.EndsAt.IsZero() && !t.done }

func (t *heatTimer) onStart(c timerChoice) {
	// Browsers allow sound only after a tap: wake the audio now, on this
	// one, so the alarm can ring minutes later.
	if s := t.Env.Cues.Sound; s != nil && t.Env.Settings.Current.Sound {
		s.Prepare()
	}
	t.now = t.Env.clock().Now()
	t.state = timerState{Kind: c.Kind, Minutes: c.Minutes, EndsAt: t.now.Add(time.Duration(c.Minutes) * time.Minute)}
	t.done = false
	t.save()
	t.startTicking()
}

func (t *heatTimer) startTicking() {
	t.halt()
	if t.ctx.Src() == nil {
		return // not mounted (a server render): nothing to tick
	}
	ctx := t.ctx
	t.stopTick = t.Env.clock().Every(time.Second, func() {
		ctx.Dispatch(func(app.Context) { t.tick(t.Env.clock().Now()) })
	})
}

func (t *heatTimer) tick(now time.Time) {
	if !t.running() {
		return
	}
	t.now = now
	if !now.Before(t.state.EndsAt) {
		t.finish(true)
	}
}

// finish shows that the time is up, and rings when ring is set.
func (t *heatTimer) finish(ring bool) {
	t.done = true
	t.halt()
	t.clearSaved()
	if ring {
		t.ring()
	}
}

// ring sounds the end of the timer through the outputs the person has on
// (settings): a tone, a buzz and the words of the on-screen message.
func (t *heatTimer) ring() {
	c, on := t.Env.Cues, t.Env.Settings.Current
	if on.Sound && c.Sound != nil {
		c.Sound.Beep(880, time.Second)
	}
	if on.Vibration && c.Vibrator != nil {
		c.Vibrator.Vibrate(400*time.Millisecond, 200*time.Millisecond, 400*time.Millisecond, 200*time.Millisecond, 400*time.Millisecond)
	}
	if on.Voice && c.Speech != nil {
		c.Speech.Speak(t.Env.T(t.doneKey()))
	}
}

func (t *heatTimer) onStop(ctx app.Context, e app.Event) {
	t.halt()
	t.clearSaved()
	t.state = timerState{}
	t.done = false
}

func (t *heatTimer) halt() {
	if t.stopTick != nil {
		t.stopTick()
		t.stopTick = nil
	}
}

func (t *heatTimer) save() {
	if b, err := json.Marshal(t.state); err == nil {
		_ = t.Env.Platform.Set(heatTimerKey, string(b)) // refused: it still runs on this page
	}
}

func (t *heatTimer) clearSaved() { _ = t.Env.Platform.Set(heatTimerKey, "{}") }

func (t *heatTimer) doneKey() string { return "timer." + t.state.Kind + ".done" }

func validTimerKind(k string) bool { return k == "heat" || k == "ice" }

func (t *heatTimer) Render() app.UI {
	e := t.Env
	return app.Section().Class("heat-timer no-print").Attr("aria-labelledby", "heat-timer-title").Body(
		app.H3().ID("heat-timer-title").Text(e.T("timer.title")),
		e.para("hint", "timer.heat.hint"),
		e.para("hint", "timer.ice.hint"),
		app.If(!t.running(), func() app.UI {
			return app.Div().Class("actions timer-choices").Body(app.Range(timerChoices).Slice(func(i int) app.UI {
				c := timerChoices[i]
				return app.Button().Type("button").Class("btn btn-quiet").
					Attr("data-timer", c.Kind+"-"+strconv.Itoa(c.Minutes)).
					OnClick(func(ctx app.Context, ev app.Event) { t.onStart(c) }, app.EventScope(c.Kind, c.Minutes)).
					Text(e.Text.Format("timer."+c.Kind+".start", "minutes", strconv.Itoa(c.Minutes)))
			}))
		}),
		app.If(t.running(), func() app.UI {
			return app.Div().Class("timer-running").Attr("data-timer-kind", t.state.Kind).Body(
				app.P().Class("timer-remaining").Attr("role", "timer").Attr("aria-live", "off").Text(
					e.Text.Format("timer."+t.state.Kind+".remaining", "time", clock(t.state.EndsAt.Sub(t.now)))),
				app.Button().Type("button").Class("btn btn-quiet").Attr("data-action", "timer-stop").OnClick(t.onStop).Text(e.T("timer.stop")),
			)
		}),
		app.Div().Attr("role", "alert").Body(
			app.If(t.done, func() app.UI { return e.para("notice notice-warn timer-done", t.doneKey()) }),
		),
	)
}

// clock formats a duration as m:ss, rounding up so that 0:00 means done.
func clock(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	s := int((d + time.Second - 1) / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
