//go:build js && wasm

package browser

import (
	"encoding/json"
	"errors"
	"syscall/js"
)

// Browser is the page's window: its storage, document and region.
type Browser struct{}

// New returns the Browser for the current page.
func New() *Browser { return &Browser{} }

// ErrStorageUnavailable means the browser refuses local storage, as some
// private windows and locked-down frames do.
var ErrStorageUnavailable = errors.New("storage is not available in this browser window")

func localStorage() (js.Value, error) {
	var ls js.Value
	err := try(func() { ls = js.Global().Get("localStorage") })
	if err != nil || !ls.Truthy() {
		return js.Value{}, ErrStorageUnavailable
	}
	return ls, nil
}

// Get reads a saved value.
func (b *Browser) Get(key string) (string, bool, error) {
	ls, err := localStorage()
	if err != nil {
		return "", false, err
	}
	var v js.Value
	if err := try(func() { v = ls.Call("getItem", key) }); err != nil {
		return "", false, err
	}
	if v.IsNull() || v.IsUndefined() {
		return "", false, nil
	}
	return v.String(), true, nil
}

// Set saves a value; a full or blocked storage returns an error and leaves
// the previous value in place.
func (b *Browser) Set(key, value string) error {
	ls, err := localStorage()
	if err != nil {
		return err
	}
	return try(func() { ls.Call("setItem", key, value) })
}

// SetRootAttribute sets an attribute on the <html> element.
func (b *Browser) SetRootAttribute(name, value string) {
	_ = try(func() {
		js.Global().Get("document").Get("documentElement").Call("setAttribute", name, value)
	})
}

// languageCache and languageKey are where RememberLanguage keeps the
// language chosen in Settings, for the service worker (app/site/worker.js)
// to read. The cache's name does not start with "unknot-", which names the
// worker's versioned caches.
const languageCache, languageKey = "language-choice", "/unknot-language"

// RememberLanguage keeps the language chosen in Settings in the Cache
// Storage the service worker reads ("" removes it). It does not wait for
// the write.
func (b *Browser) RememberLanguage(lang string) {
	_ = try(func() {
		caches := js.Global().Get("caches")
		if !caches.Truthy() {
			return // not a secure context: no service worker either
		}
		var keep js.Func
		keep = js.FuncOf(func(_ js.Value, args []js.Value) any {
			defer keep.Release()
			if lang == "" {
				return args[0].Call("delete", languageKey)
			}
			return args[0].Call("put", languageKey, js.Global().Get("Response").New(lang))
		})
		caches.Call("open", languageCache).Call("then", keep)
	})
}

// Language is the browser's preferred language tag, e.g. "en-GB".
func (b *Browser) Language() string {
	var lang string
	_ = try(func() { lang = js.Global().Get("navigator").Get("language").String() })
	return lang
}

// Languages are the browser's preferred language tags, most preferred first.
func (b *Browser) Languages() []string {
	var langs []string
	_ = try(func() {
		list := js.Global().Get("navigator").Get("languages")
		for i := 0; list.Truthy() && i < list.Length(); i++ {
			langs = append(langs, list.Index(i).String())
		}
	})
	if len(langs) == 0 {
		if l := b.Language(); l != "" {
			langs = []string{l}
		}
	}
	return langs
}

// Region is the region part of the browser's language ("GB" for "en-GB"),
// or "" when the language names none.
func (b *Browser) Region() string {
	return regionOf(b.Language())
}

// TimeZone is the device's IANA time zone ("Europe/London"), or "" where
// the browser does not say.
//
// The worker that compiled app.wasm read it (web/wasm-compile.js): the first
// Intl.DateTimeFormat a thread makes loads the language's date data, 230 ms
// of the page's thread in Chromium. Where no worker did, it is read here.
func (b *Browser) TimeZone() string {
	var zone string
	_ = try(func() {
		if started := js.Global().Get("unknotWasm"); started.Truthy() {
			if z := started.Get("timeZone"); z.Type() == js.TypeString && z.String() != "" {
				zone = z.String()
				return
			}
		}
		z := js.Global().Get("Intl").Get("DateTimeFormat").New().Call("resolvedOptions").Get("timeZone")
		if z.Type() == js.TypeString {
			zone = z.String()
		}
	})
	return zone
}

// earlyAnswersKey is where web/triage-early.js keeps the answers given
// before the program started, in the tab's sessionStorage.
const earlyAnswersKey = "unknot.triage.early"

// TakeEarlyAnswers returns the answers given to the check's pre-rendered
// form before the program started, and removes them.
func (b *Browser) TakeEarlyAnswers() map[string]string {
	var raw string
	err := try(func() {
		ss := js.Global().Get("sessionStorage")
		if v := ss.Call("getItem", earlyAnswersKey); v.Type() == js.TypeString {
			raw = v.String()
			ss.Call("removeItem", earlyAnswersKey)
		}
	})
	if err != nil || raw == "" {
		return nil
	}
	var answers map[string]string
	if json.Unmarshal([]byte(raw), &answers) != nil {
		return nil
	}
	return answers
}

// InPage reports whether the program runs in a page, rather than in the
// worker that compiles app.wasm and runs the program's start once to warm
// it up (web/wasm-compile.js; see main's warmUp).
func InPage() bool {
	return !js.Global().Get("unknotWarmingUp").Truthy()
}

// WarmUpPath is, in the worker that compiles app.wasm, the app path (without
// the site's base) of the page that started it, as web/wasm-start.js sent
// it; "" elsewhere.
func WarmUpPath() string {
	if p := js.Global().Get("unknotWarmUpPath"); p.Type() == js.TypeString {
		return p.String()
	}
	return ""
}

// InFrame reports whether the page is inside another page's frame.
func (b *Browser) InFrame() bool {
	inFrame := true // a cross-origin parent makes the comparison throw: that is a frame too
	_ = try(func() {
		w := js.Global().Get("window")
		inFrame = !w.Get("self").Equal(w.Get("top"))
	})
	return inFrame
}

// OnVisible calls f each time the page becomes visible again.
func (b *Browser) OnVisible(f func()) {
	doc := js.Global().Get("document")
	doc.Call("addEventListener", "visibilitychange", js.FuncOf(func(this js.Value, args []js.Value) any {
		if doc.Get("visibilityState").String() == "visible" {
			f()
		}
		return nil
	}))
}

// WatchAddresses calls route with the path of each address the app is
// about to show, before go-app routes it: the page's own address now, and a
// link's target when the link is clicked. It must be called before
// app.RunWhenOnBrowser, and its click listener captures, so it runs before
// go-app's. A step back or forward needs nothing: it returns to an address
// this page has already shown, and so routed.
func (b *Browser) WatchAddresses(route func(path string)) {
	w := js.Global()
	location := w.Get("location")
	route(location.Get("pathname").String())
	w.Call("addEventListener", "click", js.FuncOf(func(this js.Value, args []js.Value) any {
		target := args[0].Get("target")
		if !target.Truthy() || target.Get("closest").Type() != js.TypeFunction {
			return nil
		}
		a := target.Call("closest", "a")
		if a.Truthy() && a.Get("origin").String() == location.Get("origin").String() {
			route(a.Get("pathname").String())
		}
		return nil
	}), true)
}

// WhenIdle calls f once, the next time the browser is idle
// (requestIdleCallback, at most two seconds away; a fifth of a second where
// the browser has no idle callbacks, as in Safari).
func (b *Browser) WhenIdle(f func()) {
	var cb js.Func
	cb = js.FuncOf(func(js.Value, []js.Value) any {
		cb.Release()
		f()
		return nil
	})
	w := js.Global()
	if w.Get("requestIdleCallback").Truthy() {
		w.Call("requestIdleCallback", cb, map[string]any{"timeout": 2000})
		return
	}
	w.Call("setTimeout", cb, 200)
}

// KeepAddressReadable writes the page's address in place (history, no
// reload) with its stray "%" escaped, when Go cannot parse it
// (readableAddress): go-app would panic before its first screen, and a
// broken routine link must show that it does not work.
func (b *Browser) KeepAddressReadable() {
	location := js.Global().Get("location")
	if fixed, ok := readableAddress(location.Get("href").String()); ok {
		_ = try(func() {
			js.Global().Get("history").Call("replaceState", js.Global().Get("history").Get("state"), "", fixed)
		})
	}
}

// Path is the page's address's path (location.pathname), whatever the
// rest of the address holds: go-app's Window().URL() is nil for an address
// it cannot parse, such as a routine link with a broken fragment.
func (b *Browser) Path() string {
	return js.Global().Get("location").Get("pathname").String()
}

// Yield lets the browser run what waits (a tap, a frame) before the
// program goes on: it returns in a later task of the page's event loop.
func (b *Browser) Yield() {
	done := make(chan struct{})
	var cb js.Func
	cb = js.FuncOf(func(js.Value, []js.Value) any {
		cb.Release()
		close(done)
		return nil
	})
	js.Global().Call("setTimeout", cb, 0)
	<-done
}

// Print opens the browser's print dialog.
func (b *Browser) Print() {
	_ = try(func() { js.Global().Get("window").Call("print") })
}
