//go:build js && wasm

package browser

import (
	"errors"
	"syscall/js"
	"time"
)

// ErrNoFile means no file was chosen in the input.
var ErrNoFile = errors.New("no file was chosen")

// ReadPicked reads the file chosen in the <input type=file> with id
// inputID, at most limit bytes of it (a longer file comes back cut at
// limit, for the caller to refuse), and clears the input so that choosing
// the same file again is noticed. It waits for the File API, so it must not
// be called on a JavaScript callback.
func (*Files) ReadPicked(inputID string, limit int64) (name string, data []byte, err error) {
	var p js.Value
	err = try(func() {
		input := js.Global().Get("document").Call("getElementById", inputID)
		if !input.Truthy() || input.Get("files").Length() == 0 {
			return
		}
		f := input.Get("files").Index(0)
		name = f.Get("name").String()
		p = f.Call("slice", 0, float64(limit)).Call("arrayBuffer")
		input.Set("value", "")
	})
	if err != nil {
		return "", nil, err
	}
	if !p.Truthy() {
		return "", nil, ErrNoFile
	}
	buf, err := awaitJS(p, time.Minute)
	if err != nil {
		return name, nil, err
	}
	err = try(func() {
		u8 := js.Global().Get("Uint8Array").New(buf)
		data = make([]byte, u8.Length())
		js.CopyBytesToGo(data, u8)
	})
	return name, data, err
}
