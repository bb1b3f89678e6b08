//go:build js && wasm

package browser

import (
	"errors"
	"syscall/js"
	"time"
)

// Clock is the page's clock: the time now, and a repeating timer for the
// player's display. Browsers slow timers down in background tabs, so Every
// also fires as soon as the page becomes visible again; callers derive time
// from Now, never from counting calls.
type Clock struct{}

// NewClock returns the page's clock.
func NewClock() *Clock { return &Clock{} }

// Now is the current time.
func (*Clock) Now() time.Time { return time.Now() }

// Every calls f every d, and when the page becomes visible again, until the
// returned stop is called. f runs on a JavaScript callback and must not block.
func (*Clock) Every(d time.Duration, f func()) (stop func()) {
	var id, doc js.Value
	tick := js.FuncOf(func(js.Value, []js.Value) any {
		callSafely(f)
		return nil
	})
	onVisible := js.FuncOf(func(js.Value, []js.Value) any {
		if doc.Get("visibilityState").String() == "visible" {
			callSafely(f)
		}
		return nil
	})
	err := try(func() {
		id = js.Global().Call("setInterval", tick, d.Milliseconds())
		doc = js.Global().Get("document")
		doc.Call("addEventListener", "visibilitychange", onVisible)
	})
	stopped := false
	return func() {
		if stopped {
			return
		}
		stopped = true
		if err == nil {
			_ = try(func() {
				js.Global().Call("clearInterval", id)
				doc.Call("removeEventListener", "visibilitychange", onVisible)
			})
		}
		tick.Release()
		onVisible.Release()
	}
}

// callSafely runs f, a Go callback called from JavaScript, recovering a
// panic so that one bad tick does not take the whole app down.
func callSafely(f func()) {
	defer func() { _ = recover() }()
	f()
}

// errPromiseTimeout is returned by awaitJS when a promise neither resolves
// nor rejects in time.
var errPromiseTimeout = errors.New("the browser did not answer in time")

// awaitJS waits for a JavaScript promise: a rejection becomes an error, and
// so does a promise that does not settle within timeout, rather than a hang.
// It must not be called on the goroutine that runs JavaScript callbacks.
func awaitJS(promise js.Value, timeout time.Duration) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	ok := js.FuncOf(func(_ js.Value, args []js.Value) any {
		v := js.Undefined()
		if len(args) > 0 {
			v = args[0]
		}
		ch <- result{v: v}
		return nil
	})
	fail := js.FuncOf(func(_ js.Value, args []js.Value) any {
		msg := "rejected"
		if len(args) > 0 {
			_ = try(func() { msg = args[0].Call("toString").String() })
		}
		ch <- result{err: errors.New(msg)}
		return nil
	})
	defer ok.Release()
	defer fail.Release()
	if err := try(func() { promise.Call("then", ok, fail) }); err != nil {
		return js.Value{}, err
	}
	select {
	case r := <-ch:
		return r.v, r.err
	case <-time.After(timeout):
		return js.Value{}, errPromiseTimeout
	}
}
