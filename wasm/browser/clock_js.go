//go:build js && wasm

package browser

import (
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
		_ = callSafely(f) // logged; nothing waits on a tick
		return nil
	})
	onVisible := js.FuncOf(func(js.Value, []js.Value) any {
		if doc.Get("visibilityState").String() == "visible" {
			_ = callSafely(f) // logged; nothing waits on a tick
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
