package view

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

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
	{path: "/about", nav: "about", new: func(e *Env) app.Composer { return &aboutPage{Env: e} }},
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

// Register adds every route to go-app's router, and a catch-all not-found
// page last. The routes are the app paths without the base: go-app strips
// the base (GOAPP_ROOT_PREFIX) from the address before matching, on the
// server's pre-render and in the browser alike; Env.Href puts it back in
// links.
func Register(e *Env) {
	for _, p := range pages {
		newPage := p.new
		app.Route(p.path, func() app.Composer { return newPage(e) })
	}
	app.RouteWithRegexp(playerRoute(""), func() app.Composer { return &playerPage{Env: e} })
	app.RouteWithRegexp(episodeRoute(""), func() app.Composer { return &episodePage{Env: e} })
	app.RouteWithRegexp("^.*$", func() app.Composer { return &notFoundPage{Env: e} })
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
