//go:build !(js && wasm)

package browser

import (
	"errors"
	"sync"
)

// ErrNoWakeLock means the browser cannot keep the screen on.
var ErrNoWakeLock = errors.New("this browser cannot keep the screen on")

// WakeLock is the in-memory twin of the screen wake lock.
type WakeLock struct {
	mu   sync.Mutex
	held bool
	// Unsupported makes Keep(true) fail as a browser without it does.
	Unsupported bool
}

// NewWakeLock returns a wake lock, not held.
func NewWakeLock() *WakeLock { return &WakeLock{} }

func (w *WakeLock) Keep(on bool) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if on && w.Unsupported {
		return ErrNoWakeLock
	}
	w.held = on
	return nil
}

// Held reports whether the lock is held.
func (w *WakeLock) Held() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.held
}

func (w *WakeLock) Err() error { return nil }
