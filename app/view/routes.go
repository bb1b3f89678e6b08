package view

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/journal"
	"unknot/app/routine"
)

// pageSpec is one route of the app, kept in one place.
type pageSpec struct {
	path string // app path, without the base prefix
	nav  string // bottom navigation id, or "" when not in the navigation
	// shortcut puts the page among the installed app's shortcuts.
	shortcut bool
	new      func(*Env) app.Composer
}

// pages are every route, in navigation order. A page appears here when it
// exists; nothing links to a page that is not listed.
var pages = []pageSpec{
	{path: "/", nav: "home", new: func(e *Env) app.Composer { return &homePage{Env: e} }},
	{path: "/triage", nav: "triage", shortcut: true, new: func(e *Env) app.Composer { return &triagePage{Env: e} }},
	{path: "/routines", nav: "routines", shortcut: true, new: func(e *Env) app.Composer { return &routinesPage{Env: e} }},
	{path: "/routines/new", new: func(e *Env) app.Composer { return &builderPage{Env: e} }},
	{path: routine.LinkPath, new: func(e *Env) app.Composer { return &playerPage{Env: e} }},
	{path: "/journal", nav: "journal", shortcut: true, new: func(e *Env) app.Composer { return &journalPage{Env: e} }},
	{path: "/journal/new", new: func(e *Env) app.Composer { return &quickLogPage{Env: e} }},
	{path: "/journal/summary", new: func(e *Env) app.Composer { return &summaryPage{Env: e} }},
	{path: "/settings", nav: "settings", new: func(e *Env) app.Composer { return &settingsPage{Env: e} }},
	{path: "/about", new: func(e *Env) app.Composer { return &aboutPage{Env: e} }},
	{path: "/clinic", new: func(e *Env) app.Composer { return &clinicPage{Env: e} }},
}

var navItems = func() []navItem {
	var items []navItem
	for _, p := range pages {
		if p.nav != "" {
			items = append(items, navItem{id: p.nav, path: p.path})
		}
	}
	return items
}()

// Register adds the route of every page to go-app's router. The app paths
// are without the base: go-app strips the base (GOAPP_ROOT_PREFIX) from the
// address before matching, on the server's pre-render and in the browser
// alike; Env.Href puts it back in links.
//
// Addresses with an id in them (/routines/<id>, /journal/<uuid>) and
// unknown addresses get an exact route from Route as they are about to be
// shown. go-app matches anything but an exact path with a regular
// expression, and compiling the first one would delay every start's first
// screen.
func Register(e *Env) {
	for _, p := range pages {
		newPage := p.new
		app.Route(p.path, func() app.Composer { return newPage(e) })
	}
}

// Route gives go-app an exact route for urlPath, an address's path with the
// base, unless it is a page's: the player for /routines/<id>, an episode for
// /journal/<uuid> and the not-found page for anything else. The browser calls
// it for every address before go-app routes it (wasm/browser's
// WatchAddresses); the server for the not-found page it pre-renders. Routes
// are never removed: a page has at most the addresses its links lead to.
func Route(e *Env, urlPath string) {
	p := appPath(e.Base, urlPath)
	if hasPage(p) {
		return
	}
	var page func() app.Composer
	switch {
	case isPlayerPath(p):
		page = func() app.Composer { return &playerPage{Env: e} }
	case isEpisodePath(p):
		page = func() app.Composer { return &episodePage{Env: e} }
	default:
		page = func() app.Composer { return &notFoundPage{Env: e} }
	}
	app.Route(p, page)
}

// appPath is the path go-app matches routes against: urlPath without the
// base, starting with a slash.
func appPath(base, urlPath string) string {
	if base == "" {
		base = "/" // go-app's GOAPP_ROOT_PREFIX at the root
	}
	p := strings.TrimPrefix(urlPath, base)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return p
}

// isPlayerPath reports whether p is /routines/<id>, with or without a
// trailing slash, for any well-formed routine id.
func isPlayerPath(p string) bool {
	id, ok := strings.CutPrefix(strings.TrimSuffix(p, "/"), "/routines/")
	return ok && routine.ValidID(id)
}

// isEpisodePath reports whether p is /journal/<id>, with or without a
// trailing slash, for any well-formed episode id.
func isEpisodePath(p string) bool {
	id, ok := strings.CutPrefix(strings.TrimSuffix(p, "/"), "/journal/")
	return ok && journal.ValidID(id)
}

// Paths lists the app path of every page, for pre-rendering and precaching.
func Paths() []string {
	paths := make([]string, len(pages))
	for i, p := range pages {
		paths[i] = p.path
	}
	return paths
}

// hasPage reports whether path is a page of the app.
func hasPage(path string) bool {
	for _, p := range pages {
		if p.path == path {
			return true
		}
	}
	return false
}

// Shortcut is a page offered as an installed-app shortcut.
type Shortcut struct {
	ID   string // navigation id; its words are nav.<id> and shortcut.<id>
	Path string
}

// Shortcuts lists the pages marked as app shortcuts.
func Shortcuts() []Shortcut {
	var list []Shortcut
	for _, p := range pages {
		if p.shortcut {
			list = append(list, Shortcut{ID: p.nav, Path: p.path})
		}
	}
	return list
}

// WarmUp builds the page at path (an app path, without the base) and every
// component in it, and puts it into the document, with go-app's test
// engine: the worker that compiles app.wasm runs it against a stand-in for
// the document (web/wasm-compile.js), so that V8 compiles the functions that
// build and mount the page there, before the page's thread needs them
// (wasm/main.go's warmUp). No component's OnMount or OnNav runs. A path that
// is not a page's (a player, an episode) builds nothing; a page that fails
// or panics while it is built is an error.
func WarmUp(e *Env, path string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("building %s without a page: %v", path, r)
		}
	}()
	for _, p := range pages {
		if p.path == path {
			return app.NewTestEngine().Load(p.new(e))
		}
	}
	return nil
}
