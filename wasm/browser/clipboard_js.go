//go:build js && wasm

package browser

import (
	"errors"
	"syscall/js"
	"time"
)

// ErrNoClipboard means the browser has no clipboard API, or refused to write.
var ErrNoClipboard = errors.New("this browser cannot copy to the clipboard")

// Clipboard writes text to the system clipboard.
type Clipboard struct{}

// NewClipboard returns the page's clipboard.
func NewClipboard() *Clipboard { return &Clipboard{} }

// Copy puts text on the clipboard. It waits for the browser's answer, so it
// must be called from a goroutine, not a JavaScript callback.
func (*Clipboard) Copy(text string) error {
	var p js.Value
	err := try(func() {
		cb := js.Global().Get("navigator").Get("clipboard")
		if cb.Truthy() {
			p = cb.Call("writeText", text)
		}
	})
	if err != nil {
		return err
	}
	if !p.Truthy() {
		return ErrNoClipboard
	}
	_, err = awaitJS(p, 5*time.Second)
	return err
}
