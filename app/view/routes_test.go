//go:build !(js && wasm)

package view

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/wasm/browser"
)

// The address matchers accept exactly what go-app's regular-expression
// routes for them did.
func TestAddressMatchersAgreeWithTheirPatterns(t *testing.T) {
	player := regexp.MustCompile(`^/routines/[a-z][a-z0-9_]{0,39}/?$`)
	episode := regexp.MustCompile(`^/journal/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/?$`)
	const uuid = "6ba7b810-9dad-11d1-80b4-00c04fd430c8"
	paths := []string{
		"/routines/quick_relief", "/routines/quick_relief/", "/routines/quick_relief//", "/routines/", "/routines",
		"/routines/a", "/routines/" + strings.Repeat("a", 40), "/routines/" + strings.Repeat("a", 41),
		"/routines/1abc", "/routines/Abc", "/routines/a-b", "/routines/a/b", "/routinesx/abc", "/x/routines/abc",
		"/journal/" + uuid, "/journal/" + uuid + "/", "/journal/" + strings.ToUpper(uuid), "/journal/" + uuid[:35],
		"/journal/" + uuid + "0", "/journal/" + strings.ReplaceAll(uuid, "-", "_"), "/journal/" + uuid[:8] + "x" + uuid[9:],
		"/journal/g" + uuid[1:], "/journal/new", "/journal/", "/", "",
	}
	for _, p := range paths {
		if got, want := isPlayerPath(p), player.MatchString(p); got != want {
			t.Errorf("isPlayerPath(%q) = %v; want %v", p, got, want)
		}
		if got, want := isEpisodePath(p), episode.MatchString(p); got != want {
			t.Errorf("isEpisodePath(%q) = %v; want %v", p, got, want)
		}
	}
}

// appPath strips the base as go-app does before matching a route.
func TestAppPathStripsTheBaseAsGoAppDoes(t *testing.T) {
	for _, c := range []struct{ base, urlPath, want string }{
		{"", "/", "/"},
		{"", "/routines/quick_relief", "/routines/quick_relief"},
		{"", "//about", "/about"},
		{"/back-care", "/back-care", "/"},
		{"/back-care", "/back-care/", "/"},
		{"/back-care", "/back-care/journal", "/journal"},
		{"/back-care", "/back-careless", "/less"},
	} {
		if got := appPath(c.base, c.urlPath); got != c.want {
			t.Errorf("appPath(%q, %q) = %q; want %q", c.base, c.urlPath, got, c.want)
		}
	}
}

// An address with an id, or an unknown one, is not routed until Route adds
// it; then it renders its page: here through go-app's server-side handler,
// which matches routes as the browser does.
func TestRouteGivesEachAddressItsPage(t *testing.T) {
	env := testEnv(t, browser.New())
	Register(env)
	quick, ok := env.Catalog.Routines().Routine("quick_relief")
	if !ok {
		t.Fatal("no routine quick_relief")
	}
	h := &app.Handler{}
	get := func(p string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		return rec
	}
	for _, c := range []struct{ path, title string }{
		{"/routines/quick_relief", env.T(quick.NameKey)},
		{"/routines/quick_relief/", env.T(quick.NameKey)},
		{"/routines/no_such_routine", env.T("player.not_found.title")},
		{"/journal/6ba7b810-9dad-11d1-80b4-00c04fd430c8", env.T("journal.episode.title_plain")},
		{"/journal/6BA7B810-9DAD-11D1-80B4-00C04FD430C8", env.T("notfound.title")},
		{"/nowhere", env.T("notfound.title")},
	} {
		if rec := get(c.path); rec.Code != http.StatusNotFound {
			t.Errorf("%s is routed (status %d) before Route adds it", c.path, rec.Code)
		}
		Route(env, c.path)
		rec := get(c.path)
		if want := "<title>" + escapeHTML(c.title) + " · "; rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), want) {
			t.Errorf("%s: status %d; want 200 and a page titled %q", c.path, rec.Code, c.title)
		}
	}
	Route(env, "/journal/new")
	if rec := get("/journal/new"); !strings.Contains(rec.Body.String(), "<title>"+escapeHTML(env.T("journal.quick.title"))) {
		t.Errorf("Route replaced the route of a page: /journal/new shows %.200q", rec.Body.String())
	}
}

// Every page builds with WarmUp as the worker that compiles app.wasm builds
// it; anything else builds nothing.
func TestWarmUpBuildsEveryPage(t *testing.T) {
	e := testEnv(t, browser.New())
	for _, p := range Paths() {
		if err := WarmUp(e, p); err != nil {
			t.Errorf("WarmUp(%q): %v", p, err)
		}
	}
	for _, p := range []string{"", "/routines/quick_relief", "/journal/6ba7b810-9dad-11d1-80b4-00c04fd430c8", "/nowhere"} {
		if err := WarmUp(e, p); err != nil {
			t.Errorf("WarmUp(%q) = %v; want nothing built and no error", p, err)
		}
	}
}

// A page that panics while it is built is WarmUp's error, not a crash.
func TestWarmUpReportsAPageThatPanics(t *testing.T) {
	e := testEnv(t, browser.New())
	e.Catalog = nil // every page reads its words through the catalog
	if err := WarmUp(e, "/triage"); err == nil {
		t.Error("WarmUp of /triage without a catalog: no error; want the panic as an error")
	}
}
