//go:build js && wasm

package browser

import (
	"errors"
	"syscall/js"
)

// ErrNoWakeLock means the browser cannot keep the screen on.
var ErrNoWakeLock = errors.New("this browser cannot keep the screen on")

// WakeLock keeps the screen on with the Screen Wake Lock API. The browser
// drops the lock whenever the page is hidden; while the lock is wanted it is
// asked for again each time the page becomes visible.
//
// Go code in the browser runs on one thread, and the promise callbacks below
// never block, so the fields need no lock.
type WakeLock struct {
	want      bool
	sentinel  js.Value // the held WakeLockSentinel, or undefined
	pending   bool     // a request is in flight
	listening bool
	err       error // the last failure, from a throw or a rejected promise
	onVisible js.Func
	onGranted js.Func
	onFailed  js.Func
}

// NewWakeLock returns the page's wake lock, not held.
func NewWakeLock() *WakeLock {
	w := &WakeLock{}
	w.onVisible = js.FuncOf(func(js.Value, []js.Value) any {
		if w.want && js.Global().Get("document").Get("visibilityState").String() == "visible" {
			w.request()
		}
		return nil
	})
	w.onGranted = js.FuncOf(func(_ js.Value, args []js.Value) any {
		w.pending = false
		if len(args) == 0 {
			return nil
		}
		if !w.want {
			ignoreRejection(args[0].Call("release"))
			return nil
		}
		w.sentinel, w.err = args[0], nil
		return nil
	})
	w.onFailed = js.FuncOf(func(_ js.Value, args []js.Value) any {
		w.pending = false
		msg := "wake lock refused"
		if len(args) > 0 {
			_ = try(func() { msg = args[0].Call("toString").String() })
		}
		w.err = errors.New(msg)
		return nil
	})
	return w
}

// Keep asks for the screen to stay on (true) or lets it sleep (false). It
// returns ErrNoWakeLock when the browser has no wake lock, or the error a
// request threw; a request refused later is reported by Err.
func (w *WakeLock) Keep(on bool) error {
	w.want = on
	if !on {
		return w.release()
	}
	if !w.listening {
		err := try(func() {
			js.Global().Get("document").Call("addEventListener", "visibilitychange", w.onVisible)
		})
		if err != nil {
			return err
		}
		w.listening = true
	}
	return w.request()
}

// Held reports whether the browser has granted the lock and not dropped it.
func (w *WakeLock) Held() bool {
	held := false
	_ = try(func() { held = w.sentinel.Truthy() && !w.sentinel.Get("released").Bool() })
	return held
}

// Err is the last failure to get the lock.
func (w *WakeLock) Err() error { return w.err }

func (w *WakeLock) request() error {
	if w.pending || w.Held() {
		return nil
	}
	var unsupported bool
	err := try(func() {
		wl := js.Global().Get("navigator").Get("wakeLock")
		if !wl.Truthy() {
			unsupported = true
			return
		}
		p := wl.Call("request", "screen")
		w.pending = true
		p.Call("then", w.onGranted, w.onFailed)
	})
	if unsupported {
		return ErrNoWakeLock
	}
	if err != nil {
		w.pending = false
		w.err = err
	}
	return err
}

func (w *WakeLock) release() error {
	if !w.sentinel.Truthy() {
		return nil
	}
	s := w.sentinel
	w.sentinel = js.Undefined()
	return try(func() { ignoreRejection(s.Call("release")) })
}
