//go:build js && wasm

package browser

import "syscall/js"

// Files saves files the app makes (downloads, the share sheet) and reads
// files the person picks.
type Files struct{}

// NewFiles returns the page's file services.
func NewFiles() *Files { return &Files{} }

// revokeAfter is how long an object URL lives after its download started:
// revoking it at once can cancel the download in some browsers.
const revokeAfterMS = 60_000

// Download saves data as a file called name: a Blob, an object URL and a
// clicked <a download>, then the URL is revoked.
func (*Files) Download(name, mime string, data []byte) error {
	return try(func() {
		g := js.Global()
		blob := newBlob(data, mime)
		url := g.Get("URL").Call("createObjectURL", blob)
		doc := g.Get("document")
		a := doc.Call("createElement", "a")
		a.Set("href", url)
		a.Set("download", name)
		a.Set("rel", "noopener")
		a.Get("style").Set("display", "none")
		doc.Get("body").Call("appendChild", a)
		a.Call("click")
		a.Call("remove")
		urlAPI := g.Get("URL")
		revoke := urlAPI.Get("revokeObjectURL").Call("bind", urlAPI, url)
		g.Call("setTimeout", revoke, revokeAfterMS)
	})
}

func newBlob(data []byte, mime string) js.Value {
	u8 := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(u8, data)
	return js.Global().Get("Blob").New([]any{u8}, map[string]any{"type": mime})
}
