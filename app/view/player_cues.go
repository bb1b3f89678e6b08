package view

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/routine"
)

// staleCue is how late a cue may be and still be said or sounded. Later
// cues (the tab was asleep, the phone was locked) are only shown: a burst of
// old instructions would be noise, and the current one is on screen.
const staleCue = 2 * time.Second

// tone is the sound and buzz of a cue kind; kinds without one are only
// spoken.
type tone struct {
	freq    float64
	length  time.Duration
	pattern []time.Duration
}

const ms = time.Millisecond

var tones = map[routine.CueKind]tone{
	routine.CueCount:    {freq: 660, length: 120 * ms, pattern: []time.Duration{60 * ms}},
	routine.CueHold:     {freq: 880, length: 300 * ms, pattern: []time.Duration{250 * ms}},
	routine.CueRelease:  {freq: 440, length: 300 * ms, pattern: []time.Duration{100 * ms, 80 * ms, 100 * ms}},
	routine.CueRest:     {freq: 520, length: 200 * ms, pattern: []time.Duration{150 * ms}},
	routine.CueGetReady: {freq: 520, length: 200 * ms, pattern: []time.Duration{150 * ms}},
	routine.CueDone:     {freq: 784, length: 700 * ms, pattern: []time.Duration{300 * ms, 100 * ms, 300 * ms}},
}

// fire makes the cues heard, felt and seen. Each is counted (data-cues on
// the player, for tests and debugging) and the latest is announced politely
// to screen readers.
func (p *playerPage) fire(cues []routine.Cue, now time.Time) {
	out := p.Env.Cues
	set := p.cueSettings
	for _, c := range cues {
		text := p.Env.T(c.TextKey())
		p.cues++
		p.cueLag = now.Sub(c.At)
		p.said = text
		if p.cueLag > staleCue {
			continue
		}
		if set.Voice && out.Speech != nil {
			_ = out.Speech.Speak(text)
		}
		t, ok := tones[c.Kind]
		if !ok {
			continue
		}
		if set.Sound && out.Sound != nil {
			_ = out.Sound.Beep(t.freq, t.length)
		}
		if set.Vibration && out.Vibrator != nil {
			_ = out.Vibrator.Vibrate(t.pattern...)
		}
	}
}

// cueToggles lets the person switch sound, voice and vibration on and off
// while the routine plays; each choice is saved as their new default.
func (p *playerPage) cueToggles() app.UI {
	e := p.Env
	s := p.cueSettings
	return app.FieldSet().Class("field player-cues").Body(
		e.legend("player.cues.legend"),
		p.cueToggle("voice", s.Voice, func(s *Settings, on bool) { s.Voice = on }),
		p.cueToggle("sound", s.Sound, func(s *Settings, on bool) { s.Sound = on }),
		p.cueToggle("vibration", s.Vibration, func(s *Settings, on bool) { s.Vibration = on }),
		app.P().Class(statusClass(p.cueSaveErr)).Attr("role", "status").Attr("aria-live", "polite").Body(
			app.If(p.cueSaveErr, func() app.UI { return app.Text(e.T("player.cues.save_error")) }),
		),
	)
}

func (p *playerPage) cueToggle(name string, on bool, set func(*Settings, bool)) app.UI {
	id := "player-" + name
	return app.Label().Class("switch").For(id).Body(
		app.Input().Type("checkbox").ID(id).Checked(on).
			OnChange(func(ctx app.Context, ev app.Event) {
				p.setCue(ctx.JSSrc().Get("checked").Bool(), set)
			}),
		app.Span().Text(p.Env.T("settings."+name)),
	)
}

// setCue applies a cue choice at once, and saves it as the default; if it
// cannot be saved it still applies to this routine.
func (p *playerPage) setCue(on bool, set func(*Settings, bool)) {
	set(&p.cueSettings, on)
	next := p.Env.Settings.Current
	set(&next, on)
	p.cueSaveErr = p.Env.Settings.Save(next) != nil
	if !p.cueSettings.Voice && p.Env.Cues.Speech != nil {
		_ = p.Env.Cues.Speech.Cancel()
	}
}
