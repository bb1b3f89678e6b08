package view

import "time"

// The player's browser services. wasm/browser implements each in
// JavaScript and in memory; every one may be nil in Env (the server-side
// render, older tests), and the player then does without it.

// Speaker says words out loud in the page's language.
type Speaker interface {
	Speak(text string) error
	Cancel() error
}

// Sounder plays short tones. Browsers allow sound only after a tap, so
// Prepare is called from the Start button.
type Sounder interface {
	Prepare() error
	Beep(freq float64, d time.Duration) error
}

// Vibrator buzzes the device: on for the first duration, off for the
// second, and so on.
type Vibrator interface {
	Vibrate(pattern ...time.Duration) error
}

// CueOutput is how the player guides a person who is not looking at the
// screen. Any device may be nil.
type CueOutput struct {
	Speech   Speaker
	Sound    Sounder
	Vibrator Vibrator
}

// WakeLock keeps the screen on while wanted, asking again whenever the
// page becomes visible. Unsupported browsers return an error, which the
// player ignores: the routine works with the screen going dark.
type WakeLock interface {
	Keep(on bool) error
}

// Clock is the time now and a repeating timer. The player derives every
// position from Now; Every only says "look at the time again", so a slowed
// or skipped timer delays the display but never shifts the routine.
type Clock interface {
	Now() time.Time
	Every(d time.Duration, f func()) (stop func())
}

// PageExit reports the page going away: hidden or unloaded. f runs
// synchronously inside that event, the last moment the page can save
// anything, so it must be quick and must not wait on the UI.
type PageExit interface {
	OnExit(f func()) (stop func())
}

// Clipboard copies text for the person to paste elsewhere.
type Clipboard interface {
	Copy(text string) error
}

// systemClock is the Clock when Env has none: real time and a goroutine
// ticker (used by native tools; the browser has its own).
type systemClock struct{}

func (systemClock) Now() time.Time { return time.Now() }

func (systemClock) Every(d time.Duration, f func()) func() {
	t := time.NewTicker(d)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-t.C:
				f()
			case <-done:
				return
			}
		}
	}()
	stopped := false
	return func() {
		if !stopped {
			stopped = true
			t.Stop()
			close(done)
		}
	}
}

func (e *Env) clock() Clock {
	if e.Clock != nil {
		return e.Clock
	}
	return systemClock{}
}

func (e *Env) keepAwake(on bool) {
	if e.WakeLock != nil {
		_ = e.WakeLock.Keep(on) // unsupported or refused: carry on without it
	}
}
