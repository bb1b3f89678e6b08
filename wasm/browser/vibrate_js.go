//go:build js && wasm

package browser

import (
	"errors"
	"syscall/js"
	"time"
)

// ErrNoVibration means the device cannot vibrate, or the browser refused.
var ErrNoVibration = errors.New("this device cannot vibrate")

// Vibrator buzzes the device with navigator.vibrate.
type Vibrator struct{}

// NewVibrator returns the page's vibration output.
func NewVibrator() *Vibrator { return &Vibrator{} }

// Vibrate buzzes for the first duration, pauses for the second, and so on.
func (*Vibrator) Vibrate(pattern ...time.Duration) error {
	var ok bool
	err := try(func() {
		nav := js.Global().Get("navigator")
		if !nav.Get("vibrate").Truthy() {
			return
		}
		ms := make([]any, len(pattern))
		for i, d := range pattern {
			ms[i] = d.Milliseconds()
		}
		ok = nav.Call("vibrate", ms).Truthy()
	})
	if err == nil && !ok {
		err = ErrNoVibration
	}
	return err
}
