// Command floor is the floor `make bench` measures Unknot against: the
// smallest go-app v10 app there is, one route rendering one component.
//
// Built for js/wasm it is the client (like Unknot's ./wasm); built for the
// host it writes its static site with app.GenerateStaticWebsite (see
// generate.go), so the client carries no server code, as Unknot's does not.
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// floor is the one component: a heading inside main, as Unknot's pages have.
type floor struct {
	app.Compo
}

func (f *floor) Render() app.UI {
	return app.Main().Body(
		app.H1().Text("Floor"),
	)
}

func main() {
	app.Route("/", func() app.Composer { return &floor{} })
	app.RunWhenOnBrowser()
	generate()
}
