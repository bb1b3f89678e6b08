//go:build js && wasm

package browser

import (
	"math"
	"strings"
	"syscall/js"
)

// Frame is what the embed needs from the page: the address it was opened
// with, the accent colour on the root element, and height reports to the
// page that frames it.
type Frame struct {
	observer js.Func // kept alive for the page's life once ReportHeight is called
	last     int
}

// NewFrame returns the Frame for the current page.
func NewFrame() *Frame { return &Frame{} }

func pageLocation() js.Value { return js.Global().Get("location") }

// Query is the address's query string without its "?".
func (f *Frame) Query() string {
	var s string
	_ = try(func() { s = pageLocation().Get("search").String() })
	return strings.TrimPrefix(s, "?")
}

// Fragment is the address's fragment without its "#".
func (f *Frame) Fragment() string {
	var s string
	_ = try(func() { s = pageLocation().Get("hash").String() })
	return strings.TrimPrefix(s, "#")
}

// Origin is the page's origin, such as "https://back.example.org".
func (f *Frame) Origin() string {
	var s string
	_ = try(func() { s = pageLocation().Get("origin").String() })
	return s
}

// fragmentKey is where RememberFragment keeps the frame's clinic fragment in
// sessionStorage: for this tab and this frame's origin only, and gone when
// the tab closes.
const fragmentKey = "unknot.embed.fragment.v1"

// RememberFragment keeps fragment for RememberedFragment after a reload. A
// browser that refuses session storage only loses that.
func (f *Frame) RememberFragment(fragment string) {
	_ = try(func() { js.Global().Get("sessionStorage").Call("setItem", fragmentKey, fragment) })
}

// RememberedFragment is what RememberFragment kept in this tab, or "".
func (f *Frame) RememberedFragment() string {
	var s string
	_ = try(func() {
		if v := js.Global().Get("sessionStorage").Call("getItem", fragmentKey); v.Type() == js.TypeString {
			s = v.String()
		}
	})
	return s
}

// SetAccent sets --clinic-accent on the root element through the CSS object
// model, which the Content-Security-Policy allows (a style attribute in the
// markup it does not).
func (f *Frame) SetAccent(hex string) {
	_ = try(func() {
		style := js.Global().Get("document").Get("documentElement").Get("style")
		if hex == "" {
			style.Call("removeProperty", "--clinic-accent")
			return
		}
		style.Call("setProperty", "--clinic-accent", hex)
	})
}

// ReportHeight posts the document's height to the parent page now and on
// every resize: {type: "unknot:height", height}. The message carries the
// height and nothing else, so it can go to any origin ("*"): the app never
// knows, and never needs to know, the page that frames it.
func (f *Frame) ReportHeight() {
	_ = try(func() {
		w := js.Global().Get("window")
		if w.Get("parent").Equal(w) || !js.Global().Get("ResizeObserver").Truthy() {
			return
		}
		body := js.Global().Get("document").Get("body")
		f.observer = js.FuncOf(func(this js.Value, args []js.Value) any {
			_ = try(func() { f.post(w, body) })
			return nil
		})
		js.Global().Get("ResizeObserver").New(f.observer).Call("observe", body)
		w.Call("addEventListener", "load", f.observer)
		f.post(w, body)
	})
}

func (f *Frame) post(w, body js.Value) {
	h := int(math.Ceil(body.Call("getBoundingClientRect").Get("height").Float()))
	if h <= 0 || h == f.last {
		return
	}
	f.last = h
	msg := js.Global().Get("Object").New()
	msg.Set("type", "unknot:height")
	msg.Set("height", h)
	w.Get("parent").Call("postMessage", msg, "*")
}
