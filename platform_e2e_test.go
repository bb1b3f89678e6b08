//go:build !wasm

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"unknot/app/content"
	"unknot/app/view"
	"unknot/data"
)

// routesToCheck are every page plus the shapes of URL a person may arrive
// with: a query string, a fragment, a trailing slash and a broken link.
func routesToCheck() []string {
	routes := append([]string{}, view.Paths()...)
	return append(routes, "/about?utm=x", "/settings#country", "/about/", "/no-such-page")
}

func TestBrowserShellRenders(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "web", "")
	b := newBrowser(t)
	ctx := b.Tab()
	home := texts(t)
	runIn(t, ctx, "loading home", chromedp.Navigate(srv.URL+"/"), appReady())
	if got, want := text(t, ctx, "main h1"), home.T("home.title"); got != want {
		t.Errorf("home h1 = %q; want %q", got, want)
	}
	// The navigation's icons load: their url()s, in the one stylesheet the
	// site serves (styles.go), point where the icons are.
	runIn(t, ctx, "loading the navigation's icons", chromedp.Poll(`["home", "triage", "routines", "journal", "settings"].every((n) =>
		performance.getEntriesByType("resource").some((e) => e.name.endsWith("/web/ui/" + n + ".svg") && e.responseStatus === 200))`, nil,
		chromedp.WithPollingTimeout(10*time.Second)))
	// Navigate with the bottom navigation, as a thumb would.
	runIn(t, ctx, "opening settings", chromedp.Click(`nav.tabbar a[href="/settings"]`, chromedp.ByQuery),
		chromedp.Poll(fmt.Sprintf(`document.querySelector("main h1").textContent === %q`, home.T("settings.title")), nil))
	var current string
	runIn(t, ctx, "reading aria-current", chromedp.AttributeValue(`nav.tabbar a[href="/settings"]`, "aria-current", &current, nil))
	if current != "page" {
		t.Errorf(`settings tab aria-current = %q; want "page"`, current)
	}
	// A setting is applied at once and survives a reload.
	runIn(t, ctx, "choosing dark", chromedp.Click(`#set-theme-dark`, chromedp.ByQuery),
		chromedp.Poll(`document.documentElement.dataset.theme === "dark"`, nil),
		chromedp.Reload(), appReady(),
		chromedp.Poll(`document.documentElement.dataset.theme === "dark" && document.getElementById("set-theme-dark").checked`, nil))
	// The next screen is dark: light words on a dark page (the browser
	// itself prefers light).
	clickJS(t, ctx, `nav.tabbar a[href="/"]`)
	eventually(t, ctx, "home in the dark theme", fmt.Sprintf(`(() => {
		const luma = (c) => { const [r, g, b] = c.match(/\d+/g).map(Number); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
		const s = getComputedStyle(document.body);
		return document.querySelector("main h1").textContent === %q && luma(s.backgroundColor) < 50 && luma(s.color) > 200;
	})()`, home.T("home.title")))
}

func TestBrowserOfflineEveryRoute(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "web", "")
	b := newBrowser(t)
	ctx := b.Tab()

	// One online visit to any page, then remember what every route shows.
	runIn(t, ctx, "first visit", chromedp.Navigate(srv.URL+"/about"), appReady(), workerReady())
	// What each route shows: its heading, then everything in main, so an
	// offline page must show its real content, not only a title.
	online, onlineMain := map[string]string{}, map[string]string{}
	for _, r := range routesToCheck() {
		runIn(t, ctx, "online "+r, chromedp.Navigate(srv.URL+r), appReady())
		online[r] = settledText(t, ctx, "main h1")
		onlineMain[r] = settledText(t, ctx, "main")
	}

	srv.Kill()
	check := func(when string) {
		for _, r := range routesToCheck() {
			tab := b.Tab()
			runIn(t, tab, when+" "+r, chromedp.Navigate(srv.URL+r), appReady())
			if got := settledText(t, tab, "main h1"); got != online[r] {
				t.Errorf("%s %s: h1 = %q; want %q (as online)", when, r, got, online[r])
			} else if got := settledText(t, tab, "main"); got != onlineMain[r] {
				t.Errorf("%s %s: the page shows\n%s\nwant, as online,\n%s", when, r, got, onlineMain[r])
			}
			if !compiledOnWorker(t, tab) {
				t.Errorf("%s %s: app.wasm was not compiled on the shell's worker", when, r)
			} else if src := wasmSource(t, tab); src != "cache" {
				t.Errorf("%s %s: the worker read app.wasm from %q; want the service worker's cache", when, r, src)
			} else if !warmedOnWorker(t, tab) {
				t.Errorf("%s %s: the worker did not run the program's start to its end before the page did (web/wasm-compile.js's warmUp)", when, r)
			}
		}
	}
	check("offline in a new tab:")
	b.Restart()
	check("offline after a browser restart:")
}

// compiledOnWorker reports whether the page's app.wasm came from the
// shell's worker (wasmstart.go): the page never fetched it itself.
func compiledOnWorker(t *testing.T, ctx context.Context) bool {
	t.Helper()
	var onWorker bool
	runIn(t, ctx, "asking where app.wasm was compiled", chromedp.Evaluate(
		`typeof window.unknotWasm === "object" && window.unknotWasm !== null && !performance.getEntriesByType("resource").some((e) => e.name.endsWith("/web/app.wasm"))`, &onWorker))
	return onWorker
}

// warmedOnWorker reports whether the shell's worker ran the program's
// start to its end before handing app.wasm to the page, so that the page's
// thread finds most of the start's functions compiled.
func warmedOnWorker(t *testing.T, ctx context.Context) bool {
	t.Helper()
	var warmed bool
	runIn(t, ctx, "asking whether the worker warmed app.wasm up", chromedp.Evaluate(
		`!!(window.unknotWasm && window.unknotWasm.warmed === true)`, &warmed))
	return warmed
}

// wasmSource is where the shell's worker read app.wasm from: "cache" (the
// service worker's), "network", or "" when it did not compile it.
func wasmSource(t *testing.T, ctx context.Context) string {
	t.Helper()
	var src string
	runIn(t, ctx, "asking where the worker read app.wasm from", chromedp.Evaluate(
		`(window.unknotWasm && window.unknotWasm.source) || ""`, &src))
	return src
}

// Where the shell's worker cannot compile app.wasm, the page compiles it
// itself, as go-app does: the app starts all the same.
func TestBrowserCompilesOnThePageWhenTheWorkerCannot(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "web", "")
	b := newBrowser(t)
	first := b.Tab()
	runIn(t, first, "first visit", chromedp.Navigate(srv.URL+"/"), appReady(), workerReady())
	home := texts(t).T("home.title")
	for _, tc := range []struct{ name, script string }{
		{"no workers", `window.Worker = undefined;`},
		{"a failing worker", `window.Worker = class {
			constructor() { setTimeout(() => this.onerror({ message: "a test made the worker fail" }), 0); }
			postMessage() {}
			terminate() {}
		};`},
	} {
		tab := b.Tab()
		runIn(t, tab, tc.name, chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(tc.script).Do(ctx)
			return err
		}), chromedp.Navigate(srv.URL+"/"), appReady())
		if got := settledText(t, tab, "main h1"); got != home {
			t.Errorf("%s: h1 = %q; want %q", tc.name, got, home)
		}
		if compiledOnWorker(t, tab) {
			t.Errorf("%s: app.wasm was compiled on a worker", tc.name)
		}
	}
}

func TestBrowserInstallable(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "web", "")
	b := newBrowser(t)
	ctx := b.Tab()
	runIn(t, ctx, "loading", chromedp.Navigate(srv.URL+"/"), appReady(), workerReady())
	var errs []*page.InstallabilityError
	runIn(t, ctx, "installability", chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		errs, err = page.GetInstallabilityErrors().Do(ctx)
		return err
	}))
	for _, e := range errs {
		t.Errorf("installability error: %s %v", e.ErrorID, e.ErrorArguments)
	}
	var manifest struct {
		ID        string `json:"id"`
		Shortcuts []struct {
			URL string `json:"url"`
		} `json:"shortcuts"`
		Icons []struct {
			Src string `json:"src"`
		} `json:"icons"`
	}
	var raw string
	runIn(t, ctx, "manifest", chromedp.Evaluate(`fetch("/manifest.webmanifest").then(r => r.text())`, &raw, awaitPromise))
	if err := json.Unmarshal([]byte(raw), &manifest); err != nil {
		t.Fatal(err)
	}
	if manifest.ID == "" || len(manifest.Icons) != 4 {
		t.Errorf("manifest id %q with %d icons; want an id and 4 icons", manifest.ID, len(manifest.Icons))
	}
	if got, want := len(manifest.Shortcuts), len(view.Shortcuts()); got != want {
		t.Errorf("manifest has %d shortcuts; want %d", got, want)
	}
}

// TestBrowserOnlyOwnOrigin visits every page, with the service worker and
// without, and fails on any request to another origin, any script error and
// any Content-Security-Policy violation.
func TestBrowserOnlyOwnOrigin(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "web", "")
	b := newBrowser(t)
	ctx := b.Tab()
	var mu sync.Mutex
	var problems []string
	chromedp.ListenTarget(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			if !strings.HasPrefix(ev.Request.URL, srv.URL+"/") {
				problems = append(problems, "request to "+ev.Request.URL)
			}
		case *runtime.EventExceptionThrown:
			problems = append(problems, "exception: "+ev.ExceptionDetails.Error())
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.APITypeError {
				problems = append(problems, "console error: "+consoleText(ev.Args))
			}
		}
	})
	runIn(t, ctx, "enable network and log", network.Enable(), cdplog.Enable(), chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(`window.unknotCSP = [];
			document.addEventListener("securitypolicyviolation", (e) => window.unknotCSP.push(e.violatedDirective + " " + e.blockedURI));`).Do(ctx)
		return err
	}))
	chromedp.ListenTarget(ctx, func(ev any) {
		// The broken link is meant to answer 404; anything else logged is a fault.
		if e, ok := ev.(*cdplog.EventEntryAdded); ok && (e.Entry.Level == cdplog.LevelError || e.Entry.Level == cdplog.LevelWarning) &&
			!strings.HasSuffix(e.Entry.URL, "/no-such-page") {
			mu.Lock()
			problems = append(problems, fmt.Sprintf("browser %s (%s): %s %s", e.Entry.Level, e.Entry.Source, e.Entry.Text, e.Entry.URL))
			mu.Unlock()
		}
	})
	for round := 0; round < 2; round++ {
		for _, r := range routesToCheck() {
			var csp []string
			runIn(t, ctx, "visiting "+r, chromedp.Navigate(srv.URL+r), appReady(), chromedp.Evaluate(`window.unknotCSP`, &csp))
			for _, v := range csp {
				t.Errorf("%s: Content-Security-Policy violation: %s", r, v)
			}
		}
		runIn(t, ctx, "worker", workerReady())
	}
	mu.Lock()
	defer mu.Unlock()
	for _, p := range problems {
		t.Error(p)
	}
}

func consoleText(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		if a.Value != nil {
			parts = append(parts, string(a.Value))
		} else {
			parts = append(parts, a.Description)
		}
	}
	return strings.Join(parts, " ")
}

// axeSource reads axe-core, installed by `make test` under .cache/node,
// skipping the test without it (failing it under CI=true).
func axeSource(t *testing.T) string {
	t.Helper()
	src, ok := readAxe(t)
	if !ok {
		t.Skip("accessibility test skipped: axe-core not found (make test installs it)")
	}
	return src
}

// readAxe reads axe-core from $AXE_CORE or .cache/node. Without it, it fails
// the test under CI=true and otherwise reports false.
func readAxe(t *testing.T) (string, bool) {
	t.Helper()
	p := os.Getenv("AXE_CORE")
	if p == "" {
		p = filepath.Join(".cache", "node", "node_modules", "axe-core", "axe.min.js")
	}
	b, err := os.ReadFile(p)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("axe-core is required under CI=true: %v (make test installs it)", err)
		}
		return "", false
	}
	return string(b), true
}

type axeViolation struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []struct {
		Target []any `json:"target"`
	} `json:"nodes"`
}

// checkAxe runs axe-core on the page in ctx for WCAG 2.x A and AA.
func checkAxe(t *testing.T, ctx context.Context, axe, where string) {
	t.Helper()
	var violations []axeViolation
	runIn(t, ctx, "axe on "+where, chromedp.Evaluate(axe, nil),
		chromedp.Evaluate(`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}).then(r => r.violations)`, &violations, awaitPromise))
	for _, v := range violations {
		var targets []string
		for _, n := range v.Nodes {
			targets = append(targets, fmt.Sprint(n.Target...))
		}
		t.Errorf("%s: axe %s: %s at %s", where, v.ID, v.Help, strings.Join(targets, ", "))
	}
}

func TestBrowserAccessibility(t *testing.T) {
	t.Parallel()
	axe := axeSource(t)
	srv := startServer(t, "web", "")
	b := newBrowser(t)
	ctx := b.Tab()
	for _, scheme := range []string{"light", "dark"} {
		runIn(t, ctx, "emulating "+scheme, emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}))
		for _, r := range append(view.Paths(), "/no-such-page") {
			runIn(t, ctx, "loading "+r, chromedp.Navigate(srv.URL+r), appReady())
			checkAxe(t, ctx, axe, scheme+" "+r)
		}
	}
	// The narrowest phone: nothing may scroll sideways.
	runIn(t, ctx, "320px", emulation.SetDeviceMetricsOverride(320, 640, 2, true))
	for _, r := range view.Paths() {
		var overflow bool
		runIn(t, ctx, "loading "+r, chromedp.Navigate(srv.URL+r), appReady(),
			chromedp.Evaluate(`document.documentElement.scrollWidth > document.documentElement.clientWidth`, &overflow))
		if overflow {
			t.Errorf("%s scrolls sideways at 320px", r)
		}
	}
}

// TestBrowserUpdateBanner publishes a new version while a page is open: the
// page must offer "Update ready — reload" when it becomes visible again, and
// must not reload by itself.
func TestBrowserUpdateBanner(t *testing.T) {
	t.Parallel()
	requireWasm(t)
	web := copyDir(t, "web")
	srv := startServer(t, web, "")
	addr := strings.TrimPrefix(srv.URL, "http://")
	b := newBrowser(t)
	ctx := b.Tab()
	runIn(t, ctx, "first version", chromedp.Navigate(srv.URL+"/about"), appReady(), workerReady(),
		chromedp.Evaluate(`window.unknotMarker = "same page"`, nil))
	first := aboutVersion(t, ctx)
	// Installing the first worker is not an update.
	var early bool
	runIn(t, ctx, "after the first install", chromedp.Sleep(time.Second),
		chromedp.Evaluate(`document.querySelector(".update-banner") !== null`, &early))
	if early {
		t.Error("a first visit says an update is ready")
	}

	srv.Kill()
	if err := os.WriteFile(filepath.Join(web, "release.txt"), []byte(time.Now().String()), 0o644); err != nil {
		t.Fatal(err)
	}
	startServer(t, web, addr)
	runIn(t, ctx, "becoming visible", chromedp.Evaluate(`document.dispatchEvent(new Event("visibilitychange"))`, nil),
		chromedp.Poll(`document.querySelector(".update-banner") !== null`, nil, chromedp.WithPollingTimeout(45*time.Second)))
	words := texts(t)
	if got := text(t, ctx, ".update-banner"); !strings.Contains(got, words.T("update.ready")) || !strings.Contains(got, words.T("update.reload")) {
		t.Errorf("the banner says %q; want %q with a %q button", got, words.T("update.ready"), words.T("update.reload"))
	}
	var marker string
	runIn(t, ctx, "marker", chromedp.Evaluate(`window.unknotMarker || ""`, &marker))
	if marker != "same page" {
		t.Error("the page reloaded by itself after an update")
	}
	runIn(t, ctx, "reloading", chromedp.Click("#update-reload", chromedp.ByQuery))
	eventually(t, ctx, "the reload", `!window.unknotMarker && document.getElementById("app-wasm-loader") === null && document.querySelector(".update-banner") === null`)
	// The reloaded page runs the new version, from the new version's cache.
	second := aboutVersion(t, ctx)
	var caches []string
	runIn(t, ctx, "the caches", chromedp.Evaluate(`caches.keys().then(ks => ks.filter(k => k.startsWith("unknot-")))`, &caches, awaitPromise))
	if second == first || len(caches) != 1 || caches[0] != "unknot-"+second {
		t.Errorf("after Reload the page is version %q (was %q) with caches %q; want a new version, cached alone as unknot-<version>", second, first, caches)
	}
}

// aboutVersion is the version the About page in ctx says it runs.
func aboutVersion(t *testing.T, ctx context.Context) string {
	t.Helper()
	const line = `[...document.querySelectorAll("main p")].map(p => p.textContent.trim()).find(s => /^Version \S+$/.test(s))`
	eventually(t, ctx, "the version on About", line+` !== undefined`)
	var v string
	runIn(t, ctx, "reading the version", chromedp.Evaluate(line+`.slice("Version ".length)`, &v))
	return v
}

func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.Create(target)
		if err != nil {
			return err
		}
		defer out.Close()
		_, err = io.Copy(out, in)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// Addresses with an id, and unknown ones, get their route as they are about
// to be shown (view.Route): following links to them, and stepping back and
// forward between them, shows Unknot's pages, never go-app's own not-found.
func TestBrowserLinksToAddressesWithIDs(t *testing.T) {
	t.Parallel()
	catalog, err := content.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	text := catalog.Strings(content.DefaultLanguage)
	quick, _ := catalog.Routines().Routine("quick_relief")
	srv := startServer(t, "web", "")
	b := newBrowser(t)
	ctx := b.Tab()
	shows := func(what, path, title string) {
		t.Helper()
		eventually(t, ctx, what, fmt.Sprintf(`location.pathname === %q && (document.querySelector("main h1") || {}).textContent === %q`, path, title))
	}

	id := quickLog(t, ctx, srv.URL, "5", "centre", "sitting_long")
	runIn(t, ctx, "opening the episode", chromedp.Click(`[data-action="add-details"]`, chromedp.ByQuery))
	shows("the episode", "/journal/"+id, text.T("journal.episode.title_plain"))

	runIn(t, ctx, "opening the routines", chromedp.Click(`nav.tabbar a[href="/routines"]`, chromedp.ByQuery))
	shows("the routines", "/routines", text.T("routines.title"))
	runIn(t, ctx, "opening a routine", chromedp.Click(`a[href="/routines/quick_relief"]`, chromedp.ByQuery))
	shows("the player", "/routines/quick_relief", text.T(quick.NameKey))

	runIn(t, ctx, "back", chromedp.NavigateBack())
	shows("the routines again", "/routines", text.T("routines.title"))
	runIn(t, ctx, "back", chromedp.NavigateBack())
	shows("the episode again", "/journal/"+id, text.T("journal.episode.title_plain"))
	runIn(t, ctx, "forward", chromedp.NavigateForward(), chromedp.NavigateForward())
	shows("the player again", "/routines/quick_relief", text.T(quick.NameKey))

	runIn(t, ctx, "following a broken link", chromedp.Evaluate(`(() => {
	  const a = document.createElement("a");
	  a.href = "/no-such-page";
	  a.textContent = "broken";
	  document.querySelector("main").append(a);
	  a.click();
	})()`, nil))
	shows("the not-found page", "/no-such-page", text.T("notfound.title"))
}
