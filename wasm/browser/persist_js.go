//go:build js && wasm

package browser

import (
	"errors"
	"syscall/js"
	"time"
)

// RequestPersistentStorage asks the browser not to evict the app's storage
// under pressure (navigator.storage.persist). It reports whether storage is
// now persistent; browsers may say no, or decide silently.
func RequestPersistentStorage() (bool, error) {
	var p js.Value
	err := try(func() {
		s := js.Global().Get("navigator").Get("storage")
		if s.Truthy() && s.Get("persist").Truthy() {
			p = s.Call("persist")
		}
	})
	if err != nil {
		return false, err
	}
	if !p.Truthy() {
		return false, errors.New("this browser cannot keep storage persistent")
	}
	v, err := awaitJS(p, 10*time.Second)
	if err != nil {
		return false, err
	}
	return v.Truthy(), nil
}
