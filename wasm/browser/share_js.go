//go:build js && wasm

package browser

import (
	"errors"
	"syscall/js"
	"time"
)

// ErrShareCancelled means the person closed the share sheet.
var ErrShareCancelled = errors.New("sharing was cancelled")

// CanShare reports whether the browser can hand a file like this to the
// system share sheet (navigator.canShare with files).
func (*Files) CanShare(name, mime string) bool {
	ok := false
	_ = try(func() {
		nav := js.Global().Get("navigator")
		if !nav.Get("share").Truthy() || !nav.Get("canShare").Truthy() {
			return
		}
		f := js.Global().Get("File").New([]any{""}, name, map[string]any{"type": mime})
		ok = nav.Call("canShare", map[string]any{"files": []any{f}}).Bool()
	})
	return ok
}

// Share hands data, as a file called name, to the share sheet and waits for
// the person to finish. It must not be called on a JavaScript callback.
func (*Files) Share(name, mime string, data []byte, title string) error {
	var p js.Value
	err := try(func() {
		f := js.Global().Get("File").New([]any{newBlob(data, mime)}, name, map[string]any{"type": mime})
		p = js.Global().Get("navigator").Call("share", map[string]any{"files": []any{f}, "title": title})
	})
	if err != nil {
		return err
	}
	_, err = awaitJS(p, 10*time.Minute) // the person may take a while to pick an app
	if err != nil && containsAny(err.Error(), "AbortError", "cancel") {
		return ErrShareCancelled
	}
	return err
}
