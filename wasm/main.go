// Command wasm is Unknot's browser client, built with GOOS=js GOARCH=wasm
// into web/app.wasm. It registers the routes, wires the browser services
// into the views and hands over to go-app. Building it from its own package
// keeps the server (net/http, the Handler, compression) out of app.wasm.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/content"
	"unknot/app/journal"
	"unknot/app/view"
	"unknot/data"
	"unknot/wasm/browser"
)

func main() {
	catalog, err := content.Load(data.FS)
	if err != nil {
		// The embedded content is checked by the tests; reaching this means a
		// broken build, which must not show a half-working app.
		panic(err)
	}
	b := browser.New()
	store := &journal.Memory{} // replaced by the IndexedDB store (journal work in progress)
	env := view.NewEnv(catalog, b.Language(), app.Getenv("GOAPP_ROOT_PREFIX"), b, store)
	view.Register(env)
	b.OnVisible(app.TryUpdate)
	app.RunWhenOnBrowser()
}
