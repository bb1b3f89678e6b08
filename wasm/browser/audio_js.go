//go:build js && wasm

package browser

import (
	"errors"
	"syscall/js"
	"time"
)

// ErrNoAudio means the browser has no Web Audio, or Prepare was not called.
var ErrNoAudio = errors.New("this browser cannot play sounds")

// Audio plays short beeps with Web Audio. Browsers only let a page make
// sound after a tap, so Prepare must be called from one (the Start button).
type Audio struct {
	ctx js.Value
}

// NewAudio returns the page's sound output.
func NewAudio() *Audio { return &Audio{} }

// Prepare creates (or wakes up) the audio context.
func (a *Audio) Prepare() error {
	var unsupported bool
	err := try(func() {
		if !a.ctx.Truthy() {
			ctor := js.Global().Get("AudioContext")
			if !ctor.Truthy() {
				ctor = js.Global().Get("webkitAudioContext")
			}
			if !ctor.Truthy() {
				unsupported = true
				return
			}
			a.ctx = ctor.New()
		}
		if a.ctx.Get("state").String() == "suspended" {
			ignoreRejection(a.ctx.Call("resume"))
		}
	})
	if unsupported {
		return ErrNoAudio
	}
	return err
}

// Beep plays a tone of freq hertz for d, softened at both ends so it does
// not click.
func (a *Audio) Beep(freq float64, d time.Duration) error {
	if !a.ctx.Truthy() {
		return ErrNoAudio
	}
	return try(func() {
		if a.ctx.Get("state").String() == "suspended" {
			ignoreRejection(a.ctx.Call("resume"))
		}
		t := a.ctx.Get("currentTime").Float()
		end := t + d.Seconds()
		osc := a.ctx.Call("createOscillator")
		gain := a.ctx.Call("createGain")
		osc.Set("type", "sine")
		osc.Get("frequency").Set("value", freq)
		g := gain.Get("gain")
		g.Call("setValueAtTime", 0.0001, t)
		g.Call("exponentialRampToValueAtTime", 0.3, t+0.015)
		g.Call("exponentialRampToValueAtTime", 0.0001, end)
		osc.Call("connect", gain)
		gain.Call("connect", a.ctx.Get("destination"))
		osc.Call("start", t)
		osc.Call("stop", end+0.02)
	})
}

// noop is the rejection handler of promises whose outcome does not matter:
// without one, a rejection would be reported as an uncaught error.
var noop = js.FuncOf(func(js.Value, []js.Value) any { return nil })

func ignoreRejection(p js.Value) {
	if p.Truthy() && p.Get("catch").Truthy() {
		p.Call("catch", noop)
	}
}
