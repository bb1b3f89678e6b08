package view

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/routine"
)

// controls are the big buttons for the state the player is in.
func (p *playerPage) controls() app.UI {
	e := p.Env
	st := p.status.State
	btn := func(id, key, class string, h app.EventHandler) app.UI {
		return app.Button().Type("button").ID(id).Class("btn player-btn "+class).Attr("data-action", id).
			Text(e.T(key)).OnClick(h)
	}
	return app.Div().Class("player-controls").Body(
		app.If(st == routine.StateReady, func() app.UI {
			return btn("start", "player.start", "player-main", p.onStart)
		}),
		app.If(st == routine.StateRunning || st == routine.StateRest, func() app.UI {
			return btn("pause", "player.pause", "player-main", p.onPause)
		}),
		app.If(st == routine.StatePaused, func() app.UI {
			return btn("resume", "player.resume", "player-main", p.onResume)
		}),
		app.If(st != routine.StateReady, func() app.UI {
			return app.Div().Class("player-secondary").Body(
				btn("back", "player.back", "btn-quiet", p.onBack),
				btn("skip", "player.skip", "btn-quiet", p.onSkip),
				btn("stop", "player.stop", "btn-quiet", p.onStop),
			)
		}),
	)
}

// painWorse is always on screen: the way out when something feels wrong.
func (p *playerPage) painWorse() app.UI {
	e := p.Env
	return app.Div().Class("player-pain-worse").Body(
		app.Button().Type("button").ID("pain-worse").Class("btn btn-danger player-btn").
			Attr("data-action", "pain-worse").Attr("aria-describedby", "pain-worse-hint").
			Text(e.T("player.pain_worse")).OnClick(p.onPainWorse),
		e.paraID("hint", "pain-worse-hint", "player.pain_worse.hint"),
	)
}

func (p *playerPage) onStart(ctx app.Context, ev app.Event) {
	if p.player == nil {
		return
	}
	now := p.now()
	if p.Env.Cues.Sound != nil {
		_ = p.Env.Cues.Sound.Prepare() // a tap: the moment browsers allow sound
	}
	p.started = now
	p.player.Start(now)
	p.play(ctx, now)
}

func (p *playerPage) onPause(ctx app.Context, ev app.Event) {
	now := p.now()
	p.player.Pause(now)
	p.halt()
	p.Env.keepAwake(false)
	p.hush()
	p.moved(ctx, now)
}

func (p *playerPage) onResume(ctx app.Context, ev app.Event) {
	now := p.now()
	if p.Env.Cues.Sound != nil {
		_ = p.Env.Cues.Sound.Prepare() // after a reload this is the first tap
	}
	p.resumed = false
	p.player.Resume(now)
	p.play(ctx, now)
}

func (p *playerPage) onSkip(ctx app.Context, ev app.Event) {
	now := p.now()
	p.hush()
	p.player.Skip(now)
	p.moved(ctx, now)
}

func (p *playerPage) onBack(ctx app.Context, ev app.Event) {
	now := p.now()
	p.hush()
	p.player.Back(now)
	p.moved(ctx, now)
}

func (p *playerPage) onStop(ctx app.Context, ev app.Event) {
	now := p.now()
	p.hush()
	p.player.Stop(now)
	p.finish(ctx, now)
}

// onPainWorse stops the session, saving it as stopped early, and opens the
// warning-sign check.
func (p *playerPage) onPainWorse(ctx app.Context, ev app.Event) {
	if p.player != nil && p.status.State != routine.StateReady && p.status.State != routine.StateDone {
		now := p.now()
		p.hush()
		p.player.Stop(now)
		p.finish(ctx, now)
	}
	ctx.Navigate(p.Env.Href("/triage"))
}

func (p *playerPage) onAgain(ctx app.Context, ev app.Event) {
	p.open(ctx.Page().URL())
}

// play starts the clock running: cues due now, the screen kept on, the
// ticker.
func (p *playerPage) play(ctx app.Context, now time.Time) {
	p.fire(p.player.Advance(now), now)
	p.status = p.player.Status(now)
	p.Env.keepAwake(true)
	p.savePosition(now)
	p.startTicker(ctx)
}

// moved shows where a control moved the player: the cues at the new place
// (the next exercise's name after Skip), and the end if it was reached.
func (p *playerPage) moved(ctx app.Context, now time.Time) {
	p.fire(p.player.Advance(now), now)
	p.status = p.player.Status(now)
	if p.status.State == routine.StateDone {
		p.finish(ctx, now)
		return
	}
	p.savePosition(now)
}

// hush stops speech that is no longer true.
func (p *playerPage) hush() {
	if p.Env.Cues.Speech != nil {
		_ = p.Env.Cues.Speech.Cancel()
	}
}
