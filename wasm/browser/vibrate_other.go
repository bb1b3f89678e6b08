//go:build !(js && wasm)

package browser

import (
	"errors"
	"sync"
	"time"
)

// ErrNoVibration means the device cannot vibrate, or the browser refused.
var ErrNoVibration = errors.New("this device cannot vibrate")

// Vibrator is the in-memory twin of the vibration output: it records
// patterns.
type Vibrator struct {
	mu       sync.Mutex
	patterns [][]time.Duration
}

// NewVibrator returns a vibration output that records.
func NewVibrator() *Vibrator { return &Vibrator{} }

func (v *Vibrator) Vibrate(pattern ...time.Duration) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.patterns = append(v.patterns, pattern)
	return nil
}

// Patterns lists the patterns asked for, in order.
func (v *Vibrator) Patterns() [][]time.Duration {
	v.mu.Lock()
	defer v.mu.Unlock()
	return append([][]time.Duration(nil), v.patterns...)
}
