//go:build !(js && wasm)

package browser

import (
	"errors"
	"sync"
	"time"
)

// ErrNoAudio means the browser has no Web Audio, or Prepare was not called.
var ErrNoAudio = errors.New("this browser cannot play sounds")

// Beep is one tone Audio was asked to play.
type Beep struct {
	Freq float64
	Len  time.Duration
}

// Audio is the in-memory twin of the sound output: it records beeps, and
// like a browser it refuses them until Prepare.
type Audio struct {
	mu       sync.Mutex
	prepared bool
	beeps    []Beep
}

// NewAudio returns a sound output that records.
func NewAudio() *Audio { return &Audio{} }

func (a *Audio) Prepare() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.prepared = true
	return nil
}

func (a *Audio) Beep(freq float64, d time.Duration) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if !a.prepared {
		return ErrNoAudio
	}
	a.beeps = append(a.beeps, Beep{freq, d})
	return nil
}

// Beeps lists the tones played, in order.
func (a *Audio) Beeps() []Beep {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]Beep(nil), a.beeps...)
}
