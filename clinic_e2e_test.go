//go:build !wasm

package main

// Static hosting and embedding, end to end: `unknot static` output served by
// a real nginx with the README's configuration, at the root and under a
// sub-path, driven by headless Chromium; and a clinic's page on a second
// origin embedding the app with embed.js.

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"unknot/app/clinic"
	"unknot/app/content"
	"unknot/app/view"
)

// staticRoutes are every page, a player route and the shapes of address a
// person may arrive with.
func staticRoutes() []string {
	return append(view.Paths(), "/routines/quick_relief", "/about?utm=x", "/settings#country")
}

// hostedApp is the static build at the root and under /back-care/ behind one nginx.
type hostedApp struct {
	nginx *nginx
	sites []hostedSite
}

type hostedSite struct {
	name   string
	origin string // http://127.0.0.1:port
	base   string // "" or "/back-care"
}

func (s hostedSite) url(route string) string { return s.origin + s.base + route }

// hostApp builds the static site at the root and/or under /back-care/ and
// serves them, with any extra server blocks, from one nginx.
func hostApp(t *testing.T, root, sub bool, extra ...nginxSite) hostedApp {
	t.Helper()
	nginxPath(t)
	chromiumPath(t)
	var sites []hostedSite
	var blocks []nginxSite
	if root {
		dir, port := t.TempDir(), freePort(t)
		staticBuild(t, dir)
		blocks = append(blocks, nginxSite{Block: readmeNginx(t, "Unknot at the root of a site"), Port: port, Paths: map[string]string{"/srv/unknot": dir}})
		sites = append(sites, hostedSite{"root", fmt.Sprintf("http://127.0.0.1:%d", port), ""})
	}
	if sub {
		www, port := t.TempDir(), freePort(t)
		staticBuild(t, filepath.Join(www, "back-care"), "-base", "/back-care/")
		blocks = append(blocks, nginxSite{Block: readmeNginx(t, "Unknot under a sub-path"), Port: port, Paths: map[string]string{"/srv/www": www}})
		sites = append(sites, hostedSite{"sub-path", fmt.Sprintf("http://127.0.0.1:%d", port), "/back-care"})
	}
	return hostedApp{nginx: startNginx(t, append(blocks, extra...)...), sites: sites}
}

// TestNginxServesTheStaticSite checks what nginx sends with the README's
// configuration: types, precompressed files, cache and security headers.
func TestNginxServesTheStaticSite(t *testing.T) {
	app := hostApp(t, true, true)
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	for _, s := range app.sites {
		for _, tc := range []struct {
			path, encoding, wantType, wantEncoding string
			wantStatus                             int
		}{
			{"/", "gzip", "text/html", "gzip", 200},
			{"/about", "gzip", "text/html", "gzip", 200},
			{"/clinic", "", "text/html", "", 200},
			{"/web/app.wasm", "gzip", "application/wasm", "gzip", 200},
			{"/web/app.wasm", "", "application/wasm", "", 200},
			{"/manifest.webmanifest", "", "application/manifest+json", "", 200},
			{"/app-worker.js", "gzip", "application/javascript", "gzip", 200},
			{"/embed.js", "", "application/javascript", "", 200},
			{"/no-such-page", "", "text/html", "", 404},
		} {
			req, _ := http.NewRequest("GET", s.url(tc.path), nil)
			if tc.encoding != "" {
				req.Header.Set("Accept-Encoding", tc.encoding)
			}
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			h := resp.Header
			where := s.name + " " + tc.path
			if resp.StatusCode != tc.wantStatus {
				t.Errorf("%s: status %d; want %d", where, resp.StatusCode, tc.wantStatus)
			}
			if !strings.HasPrefix(h.Get("Content-Type"), tc.wantType) {
				t.Errorf("%s: Content-Type %q; want %s", where, h.Get("Content-Type"), tc.wantType)
			}
			if h.Get("Content-Encoding") != tc.wantEncoding {
				t.Errorf("%s: Content-Encoding %q; want %q", where, h.Get("Content-Encoding"), tc.wantEncoding)
			}
			if h.Get("Cache-Control") != "no-cache" {
				t.Errorf("%s: Cache-Control %q; want no-cache", where, h.Get("Cache-Control"))
			}
			if csp := h.Get("Content-Security-Policy"); csp != securityHeaders["Content-Security-Policy"] {
				t.Errorf("%s: Content-Security-Policy %q; want the one unknot serve sends", where, csp)
			}
			if h.Get("X-Frame-Options") != "" || strings.Contains(h.Get("Content-Security-Policy"), "frame-ancestors") {
				t.Errorf("%s: framing is restricted; clinics must be able to embed the app", where)
			}
			for _, k := range []string{"Referrer-Policy", "X-Content-Type-Options", "Permissions-Policy", "Cross-Origin-Opener-Policy"} {
				if h.Get(k) != securityHeaders[k] {
					t.Errorf("%s: %s %q; want %q", where, k, h.Get(k), securityHeaders[k])
				}
			}
		}
	}
}

// TestNginxSubPathInBrowser: under a sub-path, every route loads (and is not
// the not-found page), every internal link keeps the prefix after the wasm
// starts and after navigating inside the app, the app is installable, and
// after nginx is killed every route still loads as it did.
func TestNginxSubPathInBrowser(t *testing.T) {
	app := hostApp(t, false, true)
	checkHostedSite(t, app, app.sites[0], staticRoutes())
}

// TestNginxRootInBrowser is the same at the root of a site, for a few routes
// (TestBrowserOfflineEveryRoute covers every route at the root with unknot serve).
func TestNginxRootInBrowser(t *testing.T) {
	app := hostApp(t, true, false)
	checkHostedSite(t, app, app.sites[0], []string{"/", "/clinic", "/about?utm=x"})
}

func checkHostedSite(t *testing.T, app hostedApp, s hostedSite, routes []string) {
	words := texts(t)
	b := newBrowser(t)
	ctx := b.Tab()
	runIn(t, ctx, s.name+" first visit", chromedp.Navigate(s.url("/")), appReady(), workerReady())
	var errs []*page.InstallabilityError
	runIn(t, ctx, s.name+" installability", chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		errs, err = page.GetInstallabilityErrors().Do(ctx)
		return err
	}))
	for _, e := range errs {
		t.Errorf("%s: installability error: %s %v", s.name, e.ErrorID, e.ErrorArguments)
	}
	titles, pages := map[string]string{}, map[string]string{}
	for _, r := range routes {
		runIn(t, ctx, s.name+" "+r, chromedp.Navigate(s.url(r)), appReady())
		titles[r] = settledH1(t, ctx, words)
		pages[r] = settledText(t, ctx, "main")
		if titles[r] == words.T("notfound.title") {
			t.Errorf("%s %s: the app shows the not-found page", s.name, r)
		}
		var bad []string
		runIn(t, ctx, s.name+" links on "+r, chromedp.Evaluate(fmt.Sprintf(`[...document.querySelectorAll("a[href], link[href], script[src], img[src], iframe[src]")]
			.map(el => el.getAttribute("href") || el.getAttribute("src"))
			.filter(u => u.startsWith("/") && !u.startsWith("//") && !u.startsWith(%q))`, s.base+"/"), &bad))
		for _, u := range bad {
			t.Errorf("%s %s: link %q has lost the prefix %q", s.name, r, u, s.base)
		}
	}
	// Navigating inside the app (go-app's router, no page load) keeps the prefix.
	runIn(t, ctx, s.name+" home", chromedp.Navigate(s.url("/")), appReady())
	clickJS(t, ctx, `nav.tabbar a[href$="/settings"]`)
	eventually(t, ctx, s.name+" in-app navigation to settings", fmt.Sprintf(`location.pathname === %q && document.querySelector('main a[href$="/about"]') !== null`, s.base+"/settings"))
	clickJS(t, ctx, `main a[href$="/about"]`)
	eventually(t, ctx, s.name+" in-app navigation to about from settings",
		fmt.Sprintf(`location.pathname === %q && document.querySelector("main h1").textContent === %q`, s.base+"/about", words.T("about.title")))

	app.nginx.Kill()
	offline := b.Tab()
	for _, r := range routes {
		runIn(t, offline, s.name+" offline "+r, chromedp.Navigate(s.url(r)), appReady())
		if got := settledH1(t, offline, words); got != titles[r] {
			t.Errorf("%s offline %s: h1 %q; want %q", s.name, r, got, titles[r])
		} else if got := settledText(t, offline, "main"); got != pages[r] {
			t.Errorf("%s offline %s: the page shows\n%s\nwant, as online,\n%s", s.name, r, got, pages[r])
		}
	}
}

// settledH1 is the page's h1 once the player has opened its routine.
func settledH1(t *testing.T, ctx context.Context, words content.Strings) string {
	t.Helper()
	eventually(t, ctx, "the page settling", fmt.Sprintf(`(document.querySelector("main h1") || {}).textContent !== %q`, words.T("player.loading")))
	return text(t, ctx, "main h1")
}

// embedBrowser is a headless Chromium for the embed test: frames run in the
// page's process (so the test sees their requests and can act inside them),
// popups are allowed (a new tab is what the booking link must open), and no
// name but the two local ones resolves, so nothing can reach another site.
func embedBrowser(t *testing.T) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.UserDataDir(profileDir(t)),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-site-isolation-trials", true),
		chromedp.Flag("disable-features", "IsolateOrigins,site-per-process"),
		chromedp.Flag("disable-popup-blocking", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"),
		chromedp.WindowSize(412, 915),
	}
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); acancel() })
	if err := chromedp.Run(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return ctx
}

// inFrame evaluates expression in the page's first frame (an isolated world:
// the frame's DOM, its own globals) and stores the result in out.
func inFrame(t *testing.T, ctx context.Context, expression string, out any) {
	t.Helper()
	runIn(t, ctx, "in the frame: "+expression, chromedp.ActionFunc(func(ctx context.Context) error {
		tree, err := page.GetFrameTree().Do(ctx)
		if err != nil {
			return err
		}
		if len(tree.ChildFrames) == 0 {
			return fmt.Errorf("the page has no frame")
		}
		world, err := page.CreateIsolatedWorld(tree.ChildFrames[0].Frame.ID).Do(ctx)
		if err != nil {
			return err
		}
		res, exc, err := runtime.Evaluate(expression).WithContextID(world).WithAwaitPromise(true).WithReturnByValue(true).Do(ctx)
		if err != nil {
			return err
		}
		if exc != nil {
			return exc
		}
		if out == nil {
			return nil
		}
		return json.Unmarshal(res.Value, out)
	}))
}

// eventuallyInFrame polls a condition inside the frame.
func eventuallyInFrame(t *testing.T, ctx context.Context, what, condition string) {
	t.Helper()
	deadline := time.Now().Add(45 * time.Second)
	for {
		var ok bool
		err := chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
			tree, err := page.GetFrameTree().Do(ctx)
			if err != nil || len(tree.ChildFrames) == 0 {
				return fmt.Errorf("no frame yet")
			}
			world, err := page.CreateIsolatedWorld(tree.ChildFrames[0].Frame.ID).Do(ctx)
			if err != nil {
				return err
			}
			res, exc, err := runtime.Evaluate(condition).WithContextID(world).WithReturnByValue(true).Do(ctx)
			if err != nil || exc != nil {
				return fmt.Errorf("evaluating: %v %v", err, exc)
			}
			return json.Unmarshal(res.Value, &ok)
		}))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: still not true in the frame after 45s: %s (last error: %v)", what, condition, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// TestNginxEmbedOnAClinicPage: a clinic's page on a second origin embeds the
// app (under a sub-path, served by nginx) with embed.js.
func TestNginxEmbedOnAClinicPage(t *testing.T) {
	words := texts(t)
	cfg := clinic.Config{Name: "Riverside Physio", Accent: "#7c3aed", Phone: "+44 20 7946 0958",
		BookingURL: "https://riverside.example/book", Country: "GB", Featured: []string{"quick_relief"}}
	hostDir, hostPort := t.TempDir(), freePort(t)
	app := hostApp(t, false, true, nginxSite{Block: "server {\n    listen 80;\n    root HOSTDIR;\n}\n", Port: hostPort, Paths: map[string]string{"HOSTDIR": hostDir}})
	site := app.sites[0]
	host := fmt.Sprintf("http://localhost:%d", hostPort)
	writeFile(t, filepath.Join(hostDir, "index.html"), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Riverside Physio: back care</title></head>
<body><h1>Back care at Riverside Physio</h1>
<script src="`+site.url("/embed.js")+`" data-clinic="`+clinic.Encode(cfg)+`" async></script>
<p id="after">Opening hours: 8 to 6.</p>
</body></html>`)
	// A page on the host's origin that, framed, posts a forged height.
	writeFile(t, filepath.Join(hostDir, "forger.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>forger</title></head><body>
<script>parent.postMessage({type: "unknot:height", height: 7777}, "*");</script></body></html>`)

	ctx := embedBrowser(t)
	var mu sync.Mutex
	var foreign []string
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			u := e.Request.URL
			if !strings.HasPrefix(u, site.origin+"/") && !strings.HasPrefix(u, host+"/") && !strings.HasPrefix(u, "data:") {
				mu.Lock()
				foreign = append(foreign, u)
				mu.Unlock()
			}
		}
	})
	runIn(t, ctx, "network", network.Enable())
	runIn(t, ctx, "the clinic's page", chromedp.Navigate(host+"/"))

	// The frame: where embed.js put it, with its title and permissions.
	var frame struct {
		Src, Title, Allow, Loading, Next string
	}
	eventually(t, ctx, "the frame", `document.querySelector("iframe.unknot-embed") !== null`)
	runIn(t, ctx, "frame attributes", chromedp.Evaluate(`(() => { const f = document.querySelector("iframe.unknot-embed");
		return {src: f.src, title: f.title, allow: f.getAttribute("allow"), loading: f.getAttribute("loading"), next: f.nextElementSibling.id}; })()`, &frame))
	if want := site.url("/?embed=1#clinic=") + clinic.Encode(cfg); frame.Src != want {
		t.Errorf("frame src %q; want %q", frame.Src, want)
	}
	if frame.Title == "" || !strings.Contains(frame.Allow, "screen-wake-lock") || !strings.Contains(frame.Allow, "autoplay") || frame.Loading != "lazy" || frame.Next != "after" {
		t.Errorf("frame %+v; want a title, allow=screen-wake-lock; autoplay, loading=lazy, right after the script", frame)
	}

	// Branded: the clinic's name, accent, phone and booking link; the note on
	// storage and the full app; no install control.
	eventuallyInFrame(t, ctx, "the embed", `document.getElementById("app-wasm-loader") === null && document.querySelector(".clinic-name") !== null`)
	var got struct {
		Name, Accent, Brand, Phone, BookHref, BookTarget, BookRel, FullHref, FullTarget, Note string
		Install                                                                               bool
		Embed                                                                                 string
	}
	inFrame(t, ctx, `(() => { const q = (s) => document.querySelector(s) || {getAttribute: () => "", textContent: ""};
		const root = getComputedStyle(document.documentElement), app = getComputedStyle(document.querySelector(".app"));
		return {name: q(".clinic-name").textContent, accent: root.getPropertyValue("--clinic-accent").trim(), brand: app.getPropertyValue("--brand").trim(),
			phone: q(".clinic-phone").getAttribute("href"), bookHref: q(".clinic-booking").getAttribute("href"),
			bookTarget: q(".clinic-booking").getAttribute("target"), bookRel: q(".clinic-booking").getAttribute("rel"),
			fullHref: q(".embed-full").getAttribute("href"), fullTarget: q(".embed-full").getAttribute("target"),
			note: q(".embed-note p").textContent, install: document.querySelector(".install-slot") !== null,
			embed: document.documentElement.getAttribute("data-embed")}; })()`, &got)
	if got.Name != cfg.Name || got.Accent != cfg.Accent || got.Brand != cfg.Accent || got.Phone != "tel:+442079460958" {
		t.Errorf("branding: name %q, --clinic-accent %q, --brand %q, phone %q; want %q, %s, %s, tel:+442079460958", got.Name, got.Accent, got.Brand, got.Phone, cfg.Name, cfg.Accent, cfg.Accent)
	}
	if got.BookHref != cfg.BookingURL || got.BookTarget != "_blank" || !strings.Contains(got.BookRel, "noopener") {
		t.Errorf("booking link href %q target %q rel %q; want %s in a new tab with noopener", got.BookHref, got.BookTarget, got.BookRel, cfg.BookingURL)
	}
	if got.FullHref != site.url("/") || got.FullTarget != "_blank" {
		t.Errorf("full app link %q target %q; want %s in a new tab", got.FullHref, got.FullTarget, site.url("/"))
	}
	if want := words.Format("clinic.embed.storage", "clinic", cfg.Name); got.Note != want {
		t.Errorf("storage note %q; want %q", got.Note, want)
	}
	if got.Install || got.Embed != "true" {
		t.Errorf("install control shown %v, data-embed %q; want no install control in the embed", got.Install, got.Embed)
	}
	// What a patient sees: the clinic's name on screen, the main action
	// painted in the clinic's colour, its number and its routine.
	var seen struct {
		NameShown            bool
		PrimaryBg, Phone     string
		Recommends, Routines string
	}
	inFrame(t, ctx, `(() => { const name = document.querySelector(".clinic-name"), r = name ? name.getBoundingClientRect() : {width: 0, height: 0};
		const s = name ? getComputedStyle(name) : {};
		return {nameShown: r.width > 0 && r.height > 0 && s.visibility === "visible" && s.opacity === "1" && s.color !== s.backgroundColor,
			primaryBg: getComputedStyle(document.querySelector("a.action-primary")).backgroundColor,
			phone: (document.querySelector(".clinic-phone") || {}).textContent || "",
			recommends: (document.querySelector(".clinic-routines-title") || {}).textContent || "",
			routines: [...document.querySelectorAll(".clinic-routines li a")].map(a => a.textContent + " " + a.getAttribute("href")).join("; ")}; })()`, &seen)
	if !seen.NameShown || seen.PrimaryBg != "rgb(124, 58, 237)" {
		t.Errorf("clinic name shown %v, main action painted %s; want the name visible and the action in %s (rgb(124, 58, 237))", seen.NameShown, seen.PrimaryBg, cfg.Accent)
	}
	if want := words.Format("clinic.bar.call", "phone", cfg.Phone); seen.Phone != want {
		t.Errorf("phone link says %q; want %q", seen.Phone, want)
	}
	if want := "Quick relief " + site.base + "/routines/quick_relief"; seen.Recommends != words.Format("clinic.bar.recommends", "clinic", cfg.Name) || seen.Routines != want {
		t.Errorf("recommended %q: %q; want %q", seen.Recommends, seen.Routines, want)
	}

	// The frame is as tall as its content, and follows it.
	frameHeight := func() int {
		var h int
		runIn(t, ctx, "frame height", chromedp.Evaluate(`parseInt(document.querySelector("iframe.unknot-embed").style.height || "0", 10)`, &h))
		return h
	}
	contentHeight := func() int {
		var h int
		inFrame(t, ctx, `Math.ceil(document.body.getBoundingClientRect().height)`, &h)
		return h
	}
	eventually(t, ctx, "the first height report", `parseInt(document.querySelector("iframe.unknot-embed").style.height || "0", 10) >= 100`)
	eventually(t, ctx, "the height settling", fmt.Sprintf(`Math.abs(parseInt(document.querySelector("iframe.unknot-embed").style.height, 10) - %d) <= 2`, contentHeight()))
	before := frameHeight()
	inFrame(t, ctx, `(() => { const d = document.createElement("div"); d.id = "test-filler"; d.style.height = "1500px"; document.querySelector("main").append(d); })()`, nil)
	eventually(t, ctx, "the frame growing with its content", fmt.Sprintf(`parseInt(document.querySelector("iframe.unknot-embed").style.height, 10) >= %d`, before+1400))
	inFrame(t, ctx, `document.getElementById("test-filler").remove()`, nil)
	eventually(t, ctx, "the frame shrinking with its content", fmt.Sprintf(`Math.abs(parseInt(document.querySelector("iframe.unknot-embed").style.height, 10) - %d) <= 2`, before))

	// Messages that are not the frame's own report are ignored: from the
	// page itself, from a frame of another origin, and from the frame when
	// the shape is wrong.
	runIn(t, ctx, "forged messages", chromedp.Evaluate(`(() => {
		window.postMessage({type: "unknot:height", height: 6666}, "*");
		const f = document.createElement("iframe"); f.src = "/forger.html"; f.title = "forger"; document.body.append(f);
	})()`, nil))
	inFrame(t, ctx, `(() => { for (const m of [{type: "unknot:height", height: 50}, {type: "unknot:height", height: 1e9},
		{type: "unknot:height", height: "900"}, {type: "other", height: 900}, "unknot:height 900"]) { parent.postMessage(m, "*"); } })()`, nil)
	time.Sleep(time.Second)
	if h := frameHeight(); h != before {
		t.Errorf("after forged messages the frame is %dpx; want %dpx", h, before)
	}

	// Accessibility of the embed, inside its frame.
	if axe, ok := axeIfPresent(t); ok {
		var violations []axeViolation
		inFrame(t, ctx, axe+`; axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}).then(r => r.violations)`, &violations)
		for _, v := range violations {
			t.Errorf("embed: axe %s: %s (%d nodes)", v.ID, v.Help, len(v.Nodes))
		}
	}

	// The booking link opens a new tab.
	opened := chromedp.WaitNewTarget(ctx, func(info *target.Info) bool { return strings.HasPrefix(info.URL, cfg.BookingURL) })
	inFrame(t, ctx, `document.querySelector(".clinic-booking").click()`, nil)
	select {
	case <-opened:
	case <-time.After(15 * time.Second):
		t.Error("the booking link did not open a new tab")
	}

	// A reload after moving to another page keeps the clinic: the frame's
	// address no longer carries it, the tab's session does.
	inFrame(t, ctx, `document.querySelector("a.action-primary").click()`, nil)
	eventuallyInFrame(t, ctx, "the triage page in the frame", `location.pathname.endsWith("/triage") && location.hash === "" && document.querySelector(".triage-step") !== null`)
	// The old document is marked (in its DOM: each evaluation here runs in
	// an isolated world of its own, which shares the DOM but not globals),
	// so that the wait below cannot be met by it before the reload has
	// replaced it.
	inFrame(t, ctx, `document.documentElement.setAttribute("data-test-old", ""); location.reload()`, nil)
	// The pre-rendered page shows no clinic (the server cannot know it): wait
	// for the program's own page, which draws the clinic bar, then read it.
	eventuallyInFrame(t, ctx, "the reloaded triage page", `!document.documentElement.hasAttribute("data-test-old") &&
		document.getElementById("app-wasm-loader") === null && location.pathname.endsWith("/triage") &&
		document.querySelector(".triage-step") !== null && document.querySelector(".clinic-name") !== null`)
	var reloaded struct{ Name, Accent, Booking string }
	inFrame(t, ctx, `({name: (document.querySelector(".clinic-name") || {}).textContent || "",
		accent: getComputedStyle(document.documentElement).getPropertyValue("--clinic-accent").trim(),
		booking: (document.querySelector(".clinic-booking") || {href: ""}).href})`, &reloaded)
	if reloaded.Name != cfg.Name || reloaded.Accent != cfg.Accent || reloaded.Booking != cfg.BookingURL {
		t.Errorf("after a reload on /triage inside the frame: clinic %q, accent %q, booking %q; want %q, %s, %s", reloaded.Name, reloaded.Accent, reloaded.Booking, cfg.Name, cfg.Accent, cfg.BookingURL)
	}

	mu.Lock()
	defer mu.Unlock()
	for _, u := range foreign {
		t.Errorf("request to another origin: %s", u)
	}
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// axeIfPresent returns axe-core's source, or false (with a log line) where it
// is not installed and CI is not set; checkAxe's rules apply under CI=true.
func axeIfPresent(t *testing.T) (string, bool) {
	t.Helper()
	src, ok := readAxe(t)
	if !ok {
		t.Log("accessibility check skipped: axe-core not found (make test installs it)")
	}
	return src, ok
}

// setClinicField sets a form control's value as a person would and fires change.
func setClinicField(t *testing.T, ctx context.Context, sel, value string) {
	t.Helper()
	var ok bool
	runIn(t, ctx, "setting "+sel, chromedp.Evaluate(fmt.Sprintf(`(() => { const el = document.querySelector(%q); if (!el) return false;
		el.value = %q; el.dispatchEvent(new Event("input", {bubbles: true})); el.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`, sel, value), &ok))
	if !ok {
		t.Fatalf("setting %s: no such element", sel)
	}
}

// TestBrowserClinicPage: the configurator shows field-named errors, the
// accent's contrast adjustment, a live preview with the branding, the
// snippet, and a prescription with its QR code and handout; no axe
// violations with errors shown or with the prescription made.
func TestBrowserClinicPage(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "web", "")
	b := newBrowser(t)
	ctx := b.Tab()
	runIn(t, ctx, "loading /clinic", chromedp.Navigate(srv.URL+"/clinic"), appReady())
	setClinicField(t, ctx, "#clinic-name", "Riverside Physio")
	setClinicField(t, ctx, "#clinic-accent", "#7fffd4")
	setClinicField(t, ctx, "#clinic-booking", "http://riverside.example/book")
	eventually(t, ctx, "the booking error", `(document.getElementById("clinic-booking-error") || {}).textContent?.startsWith("Booking address") &&
		document.getElementById("clinic-booking").getAttribute("aria-invalid") === "true" && !document.getElementById("clinic-preview-frame")`)
	if axe, ok := axeIfPresent(t); ok {
		checkAxe(t, ctx, axe, "/clinic with an error")
	}
	setClinicField(t, ctx, "#clinic-booking", "https://riverside.example/book")
	eventually(t, ctx, "the preview", `!document.getElementById("clinic-booking-error") && document.getElementById("clinic-preview-frame") !== null`)
	var accent, src, snippet string
	runIn(t, ctx, "reading", chromedp.Evaluate(`document.getElementById("clinic-accent-notice").dataset.accent`, &accent),
		chromedp.Evaluate(`document.getElementById("clinic-preview-frame").getAttribute("src")`, &src),
		chromedp.Evaluate(`document.getElementById("clinic-snippet").value`, &snippet))
	// The accent is darkened until white words on it can be read (WCAG AA).
	if c, err := clinic.ParseHex(accent); err != nil || accent == "#7fffd4" || clinic.ContrastRatio(c, clinic.White) < 4.5 {
		t.Errorf("accent notice names %q (%v); want a darker colour with white text at 4.5:1 or more", accent, err)
	}
	if !strings.HasPrefix(src, "/?embed=1&") || !strings.Contains(src, "#clinic=") {
		t.Errorf("preview src %q; want /?embed=1…#clinic=…", src)
	}
	if !strings.Contains(snippet, `<script src="`+srv.URL+`/embed.js" data-clinic="`) || strings.Count(snippet, "\n") != 1 {
		t.Errorf("snippet %q; want two lines with the script from %s", snippet, srv.URL)
	}
	// The snippet carries what was typed, with the readable accent.
	_, data, _ := strings.Cut(snippet, `data-clinic="`)
	data, _, _ = strings.Cut(data, `"`)
	if cfg, err := clinic.DecodeFragment(data); err != nil || cfg.Name != "Riverside Physio" || cfg.BookingURL != "https://riverside.example/book" || cfg.Accent != accent {
		t.Errorf("snippet's clinic = %+v (%v); want Riverside Physio, https://riverside.example/book, accent %s", cfg, err, accent)
	}
	// The preview shows what patients will see: the name, and the main
	// action in the readable accent.
	rgb, _ := clinic.ParseHex(accent)
	eventually(t, ctx, "the preview's branding", fmt.Sprintf(`(() => { const d = document.getElementById("clinic-preview-frame").contentDocument;
		const main = d && d.querySelector("a.action-primary");
		return !!main && (d.querySelector(".clinic-name") || {}).textContent === "Riverside Physio" &&
			d.defaultView.getComputedStyle(main).backgroundColor === "rgb(%d, %d, %d)"; })()`, rgb.R, rgb.G, rgb.B))

	setClinicField(t, ctx, "#rx-routine", "quick_relief")
	clickJS(t, ctx, "#rx-make")
	eventually(t, ctx, "the prescription", `(document.getElementById("rx-result") || {}).value?.includes("/routines/custom#r=") &&
		document.querySelectorAll(".qr-image svg path").length > 0 && document.querySelectorAll(".handout-steps li").length > 0`)
	if axe, ok := axeIfPresent(t); ok {
		checkAxe(t, ctx, axe, "/clinic with a prescription")
	}
	// The handout lists the routine's steps, and the link plays that
	// routine: its name, as many exercises, the first one first.
	var handout struct {
		Routine string
		Steps   []string
	}
	runIn(t, ctx, "the handout", chromedp.Evaluate(`({routine: document.querySelector(".handout-routine").textContent,
		steps: [...document.querySelectorAll(".handout-steps li")].map(li => li.textContent)})`, &handout))
	words := texts(t)
	if handout.Routine != words.T("routine.quick_relief.name") || len(handout.Steps) == 0 {
		t.Fatalf("handout for %q with steps %q; want %q and its steps", handout.Routine, handout.Steps, words.T("routine.quick_relief.name"))
	}
	var link string
	runIn(t, ctx, "the link", chromedp.Evaluate(`document.getElementById("rx-result").value`, &link))
	runIn(t, ctx, "opening the prescription", chromedp.Navigate(link), appReady())
	eventually(t, ctx, "the prescribed routine", `document.querySelector('[data-player-state="ready"]') !== null`)
	if got := text(t, ctx, "main h1"); got != handout.Routine {
		t.Errorf("the prescription plays %q; want %q", got, handout.Routine)
	}
	first := text(t, ctx, "#exercise-name")
	if got, want := text(t, ctx, ".player-step-of"), words.Format("player.exercise_of", "n", "1", "total", fmt.Sprint(len(handout.Steps))); got != want ||
		first == "" || !strings.HasPrefix(handout.Steps[0], first+":") {
		t.Errorf("the player shows %q, first %q; want %q, first the handout's %q", got, first, want, handout.Steps[0])
	}
}
