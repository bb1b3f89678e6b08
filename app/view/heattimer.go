package view

import (
	"fmt"
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// heatMinutes are the timer lengths offered: CLINICAL.md gives 15–20
// minutes of heat.
var heatMinutes = []int{15, 20}

// heatTimer counts down a heat (or ice) session and raises an alarm at the
// end. The end is an instant, so a throttled or sleeping tab still rings at
// the right time when it wakes.
type heatTimer struct {
	app.Compo
	Env *Env

	minutes int
	endsAt  time.Time
	now     time.Time
	done    bool
	stop    chan struct{}
}

func (t *heatTimer) OnDismount() { t.halt() }

func (t *heatTimer) running() bool { return !t.endsAt.IsZero() && !t.done }

func (t *heatTimer) onStart(ctx app.Context, minutes int) {
	t.halt()
	// Browsers allow sound only after a tap: wake the audio now, on this
	// one, so the alarm can ring 15 minutes later.
	if s := t.Env.Cues.Sound; s != nil && t.Env.Settings.Current.Sound {
		s.Prepare()
	}
	t.minutes = minutes
	t.now = time.Now()
	t.endsAt = t.now.Add(time.Duration(minutes) * time.Minute)
	t.done = false
	stop := make(chan struct{})
	t.stop = stop
	ctx.Async(func() {
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case now := <-tick.C:
				ctx.Dispatch(func(ctx app.Context) { t.tick(now) })
			}
		}
	})
}

func (t *heatTimer) tick(now time.Time) {
	if !t.running() {
		return
	}
	t.now = now
	if !now.Before(t.endsAt) {
		t.done = true
		t.halt()
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
		c.Speech.Speak(t.Env.T("timer.done"))
	}
}

func (t *heatTimer) onStop(ctx app.Context, e app.Event) {
	t.halt()
	t.endsAt = time.Time{}
	t.done = false
}

func (t *heatTimer) halt() {
	if t.stop != nil {
		close(t.stop)
		t.stop = nil
	}
}

func (t *heatTimer) Render() app.UI {
	e := t.Env
	return app.Section().Class("heat-timer no-print").Attr("aria-labelledby", "heat-timer-title").Body(
		app.H3().ID("heat-timer-title").Text(e.T("timer.title")),
		e.para("hint", "timer.hint"),
		app.If(!t.running(), func() app.UI {
			return app.Div().Class("actions").Body(app.Range(heatMinutes).Slice(func(i int) app.UI {
				m := heatMinutes[i]
				return app.Button().Type("button").Class("btn btn-quiet").Attr("data-timer", strconv.Itoa(m)).
					OnClick(func(ctx app.Context, ev app.Event) { t.onStart(ctx, m) }, app.EventScope(m)).
					Text(e.Text.Format("timer.start", "minutes", strconv.Itoa(m)))
			}))
		}),
		app.If(t.running(), func() app.UI {
			return app.Div().Class("timer-running").Body(
				app.P().Class("timer-remaining").Attr("role", "timer").Attr("aria-live", "off").Text(
					e.Text.Format("timer.remaining", "time", clock(t.endsAt.Sub(t.now)))),
				app.Button().Type("button").Class("btn btn-quiet").OnClick(t.onStop).Text(e.T("timer.stop")),
			)
		}),
		app.Div().Attr("role", "alert").Body(
			app.If(t.done, func() app.UI { return e.para("notice notice-warn timer-done", "timer.done") }),
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
