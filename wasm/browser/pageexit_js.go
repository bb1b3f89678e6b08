//go:build js && wasm

package browser

import "syscall/js"

// PageExit tells the app the page is going away: hidden (another tab, the
// home screen, a locked phone) or unloaded (a reload, a closed tab). Its
// watchers run synchronously inside the event, the last moment a page can
// write anything before it is gone.
type PageExit struct{}

// NewPageExit returns the page's exit events.
func NewPageExit() *PageExit { return &PageExit{} }

// OnExit calls f on "pagehide" and on "visibilitychange" to hidden, until
// the returned stop is called. f must not block.
func (*PageExit) OnExit(f func()) (stop func()) {
	var doc, win js.Value
	onHidden := js.FuncOf(func(js.Value, []js.Value) any {
		if doc.Get("visibilityState").String() == "hidden" {
			_ = callSafely(f) // logged; the page is going away
		}
		return nil
	})
	onPageHide := js.FuncOf(func(js.Value, []js.Value) any {
		_ = callSafely(f) // logged; the page is going away
		return nil
	})
	err := try(func() {
		win, doc = js.Global(), js.Global().Get("document")
		doc.Call("addEventListener", "visibilitychange", onHidden)
		win.Call("addEventListener", "pagehide", onPageHide)
	})
	stopped := false
	return func() {
		if stopped {
			return
		}
		stopped = true
		if err == nil {
			_ = try(func() {
				doc.Call("removeEventListener", "visibilitychange", onHidden)
				win.Call("removeEventListener", "pagehide", onPageHide)
			})
		}
		onHidden.Release()
		onPageHide.Release()
	}
}
