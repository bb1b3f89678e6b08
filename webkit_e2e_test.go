//go:build !wasm

package main

// The WebKit journey: Safari's engine, as WebKitGTK's MiniBrowser driven by
// WebKitWebDriver over the W3C WebDriver HTTP API (plain net/http), under an
// Xvfb of its own on a free display. MiniBrowser in automation mode keeps
// its data in memory, so every session is a fresh profile. Without
// WebKitWebDriver, MiniBrowser or Xvfb the test is skipped with a message,
// unless CI=true, where it fails (make test and .ci/run install Debian's
// webkit2gtk-driver and xvfb).
//
// The page is reached through a proxy in the test (countingProxy) that
// counts the requests for app.wasm and adds, first thing in every page's
// head, a script of its own origin (errorRecorderJS) that records window
// errors, unhandled rejections, Content-Security-Policy violations and
// console.error. (A message the browser itself logs, such as an unrecognised
// CSP directive, reaches no script, and MiniBrowser's automation views do not
// write their console out: app/site's TestCSPDirectivesEveryEngineKnows
// guards that one.)

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/chromedp/chromedp"
)

// webkitTools finds WebKitWebDriver, MiniBrowser and Xvfb, or skips (fails
// under CI=true) without them.
func webkitTools(t *testing.T) (driver, browser, xvfb string) {
	t.Helper()
	missing := func(what string) {
		msg := "WebKit test skipped: " + what + " not found (install Debian's webkit2gtk-driver and xvfb; make tools does)"
		if os.Getenv("CI") == "true" {
			t.Fatal("WebKit tests are required with CI=true: " + what + " not found (install Debian's webkit2gtk-driver and xvfb)")
		}
		t.Skip(msg)
	}
	driver, err := exec.LookPath("WebKitWebDriver")
	if err != nil {
		missing("WebKitWebDriver")
	}
	browser = os.Getenv("WEBKIT_BROWSER")
	if browser == "" {
		found, _ := filepath.Glob("/usr/lib/*/webkit2gtk-4.*/MiniBrowser")
		if len(found) == 0 {
			missing("WebKitGTK's MiniBrowser")
		}
		browser = found[len(found)-1]
	}
	if xvfb, err = exec.LookPath("Xvfb"); err != nil {
		missing("Xvfb")
	}
	return driver, browser, xvfb
}

// startXvfb starts an Xvfb on a display it picks itself (-displayfd: the
// first free one, claimed with its lock file, so parallel tests never
// collide) and returns its name, ":N". It stops with the test.
func startXvfb(t *testing.T, xvfb string) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	cmd := exec.Command(xvfb, "-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		w.Close()
		t.Fatalf("starting Xvfb: %v", err)
	}
	w.Close()
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	t.Cleanup(func() { cmd.Process.Kill(); <-done })
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(r).ReadString('\n')
		line <- strings.TrimSpace(s)
	}()
	select {
	case n := <-line:
		if _, err := strconv.Atoi(n); err != nil {
			t.Fatalf("Xvfb did not say which display it took (%q)", n)
		}
		return ":" + n
	case <-done:
		t.Fatal("Xvfb exited before taking a display")
	case <-time.After(30 * time.Second):
		t.Fatal("Xvfb took no display within 30s")
	}
	return ""
}

// lockedBuffer collects a process's output for reading while it runs.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// webkit is one WebDriver session in a MiniBrowser of its own.
type webkit struct {
	t       *testing.T
	base    string // the driver's address
	session string
	console *lockedBuffer // the driver's and the browser's output, for failures
	client  *http.Client
}

// newWebKit starts Xvfb, WebKitWebDriver on a free port and a session.
func newWebKit(t *testing.T) *webkit {
	t.Helper()
	driver, browser, xvfb := webkitTools(t)
	display := startXvfb(t, xvfb)
	w := &webkit{t: t, console: &lockedBuffer{}, client: &http.Client{Timeout: 90 * time.Second}}
	// WebKitWebDriver takes a port number only: take a free one, and take
	// another if someone else got it first.
	for attempt := 1; ; attempt++ {
		port := freePort(t)
		cmd := exec.Command(driver, "--port="+strconv.Itoa(port))
		cmd.Env = append(os.Environ(), "DISPLAY="+display)
		cmd.Stdout, cmd.Stderr = w.console, w.console
		if err := cmd.Start(); err != nil {
			t.Fatalf("starting WebKitWebDriver: %v", err)
		}
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		w.base = fmt.Sprintf("http://127.0.0.1:%d", port)
		if w.waitStatus(done, 30*time.Second) {
			t.Cleanup(func() { cmd.Process.Kill(); <-done })
			break
		}
		cmd.Process.Kill()
		<-done
		if attempt == 3 {
			t.Fatalf("WebKitWebDriver did not answer on a free port in 3 attempts; its output:\n%s", w.console)
		}
	}
	caps := map[string]any{"capabilities": map[string]any{"alwaysMatch": map[string]any{
		"webkitgtk:browserOptions": map[string]any{
			"binary": browser,
			"args":   []string{"--automation"},
		},
	}}}
	var created struct {
		SessionID string `json:"sessionId"`
	}
	if err := w.do(http.MethodPost, "/session", caps, &created); err != nil {
		t.Fatalf("starting a WebKit session: %v\n%s", err, w.console)
	}
	w.session = created.SessionID
	t.Cleanup(func() {
		w.client.Timeout = 20 * time.Second
		w.do(http.MethodDelete, "/session/"+w.session, nil, nil)
	})
	return w
}

// waitStatus polls the driver's /status until it is ready, it exits or the
// time is up.
func (w *webkit) waitStatus(exited <-chan struct{}, within time.Duration) bool {
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		select {
		case <-exited:
			return false
		default:
		}
		var st struct {
			Ready bool `json:"ready"`
		}
		if err := w.do(http.MethodGet, "/status", nil, &st); err == nil && st.Ready {
			return true
		}
		time.Sleep(100 * time.Millisecond)
	}
	return false
}

// do sends one WebDriver command and decodes its value into out.
func (w *webkit) do(method, path string, body, out any) error {
	var in io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		in = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, w.base+path, in)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	res, err := w.client.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	var env struct {
		Value json.RawMessage `json:"value"`
	}
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(raw, &env); err != nil {
		return fmt.Errorf("%s %s: HTTP %d, %q", method, path, res.StatusCode, raw)
	}
	if res.StatusCode != http.StatusOK {
		var e struct{ Error, Message string }
		json.Unmarshal(env.Value, &e)
		return fmt.Errorf("%s %s: %s: %s", method, path, e.Error, e.Message)
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(env.Value, out)
}

// navigate loads url and waits for the page load, as WebDriver does.
func (w *webkit) navigate(u string) {
	w.t.Helper()
	if err := w.do(http.MethodPost, "/session/"+w.session+"/url", map[string]string{"url": u}, nil); err != nil {
		w.t.Fatalf("loading %s in WebKit: %v", u, err)
	}
}

// exec runs a script (a function body: "return …") in the page.
func (w *webkit) exec(script string, out any) error {
	return w.do(http.MethodPost, "/session/"+w.session+"/execute/sync",
		map[string]any{"script": script, "args": []any{}}, out)
}

// eventually polls a JavaScript expression until it is true, riding over
// page loads, for up to within.
func (w *webkit) eventually(what, expr string, within time.Duration) {
	w.t.Helper()
	deadline := time.Now().Add(within)
	for {
		var ok bool
		err := w.exec("return !!("+expr+");", &ok)
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			w.t.Fatalf("WebKit: %s: still not true after %s: %s (last error: %v)", what, within, expr, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// click finds sel and clicks it as a pointer would (WebDriver's Element
// Click: scrolled into view, and refused when something covers it),
// retrying for a few seconds while the page is still being drawn.
func (w *webkit) click(sel string) {
	w.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		var el map[string]any
		err := w.do(http.MethodPost, "/session/"+w.session+"/element",
			map[string]string{"using": "css selector", "value": sel}, &el)
		if err == nil {
			id, _ := el["element-6066-11e4-a52e-4f735466cecf"].(string)
			if id == "" {
				err = fmt.Errorf("no element reference in %v", el)
			} else if err = w.do(http.MethodPost, "/session/"+w.session+"/element/"+id+"/click", map[string]any{}, nil); err == nil {
				return
			}
		}
		if time.Now().After(deadline) {
			w.t.Fatalf("WebKit: clicking %s: %v", sel, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// pageErrors reads what the recorder caught on the current page (nil when
// the page has no recorder).
func (w *webkit) pageErrors() []string {
	w.t.Helper()
	var errs []string
	if err := w.exec("return window.__unknotErrors || null;", &errs); err != nil {
		w.t.Fatalf("WebKit: reading the page's errors: %v", err)
	}
	if errs == nil {
		w.t.Fatal("WebKit: the page has no error recorder (the proxy did not put it in)")
	}
	return errs
}

// recorderPath is where countingProxy serves errorRecorderJS.
const recorderPath = "/__test/errors.js"

// errorRecorderJS records, from the first moment of the page, the errors a
// person's browser would show in its console.
const errorRecorderJS = `"use strict";
(() => {
  const errs = window.__unknotErrors = [];
  addEventListener("error", (e) => {
    errs.push("error: " + (e.message || (e.target && (e.target.src || e.target.href)) || "a resource failed"));
  }, true);
  addEventListener("unhandledrejection", (e) => errs.push("unhandled rejection: " + String(e.reason)));
  document.addEventListener("securitypolicyviolation", (e) => errs.push("CSP violation: " + e.violatedDirective + " " + e.blockedURI));
  const consoleError = console.error;
  console.error = (...args) => {
    errs.push("console.error: " + args.map(String).join(" "));
    return consoleError.apply(console, args);
  };
})();
`

// countingProxy stands between the browser and unknot serve: it counts the
// responses for app.wasm and puts the error recorder first in every page.
type countingProxy struct {
	srv *httptest.Server
	mu  sync.Mutex
	// wasm is one line per app.wasm request: status, body bytes, and how
	// it was asked for.
	wasm []string
	full int // app.wasm responses with a body (200)
}

func newCountingProxy(t *testing.T, target string) *countingProxy {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	p := &countingProxy{}
	rp := httputil.NewSingleHostReverseProxy(u)
	rp.ModifyResponse = func(res *http.Response) error {
		if res.Request.URL.Path == "/web/app.wasm" {
			p.mu.Lock()
			if res.StatusCode == http.StatusOK {
				p.full++
			}
			h := res.Request.Header
			p.wasm = append(p.wasm, fmt.Sprintf("%d %s bytes (dest %q, mode %q, if-none-match %q, service-worker %q)",
				res.StatusCode, res.Header.Get("Content-Length"), h.Get("Sec-Fetch-Dest"), h.Get("Sec-Fetch-Mode"), h.Get("If-None-Match"), h.Get("Service-Worker")))
			p.mu.Unlock()
		}
		if res.StatusCode != http.StatusOK && res.StatusCode != http.StatusNotFound ||
			!strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
			return nil
		}
		return injectRecorder(res)
	}
	p.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == recorderPath {
			w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
			w.Header().Set("Cache-Control", "no-store")
			io.WriteString(w, errorRecorderJS)
			return
		}
		rp.ServeHTTP(w, r)
	}))
	t.Cleanup(p.srv.Close)
	return p
}

// injectRecorder rewrites a page to load the recorder before anything else.
func injectRecorder(res *http.Response) error {
	var body io.Reader = res.Body
	switch res.Header.Get("Content-Encoding") {
	case "br":
		body = brotli.NewReader(res.Body)
	case "gzip":
		zr, err := gzip.NewReader(res.Body)
		if err != nil {
			return err
		}
		body = zr
	case "":
	default:
		return errors.New("unexpected page encoding " + res.Header.Get("Content-Encoding"))
	}
	page, err := io.ReadAll(body)
	res.Body.Close()
	if err != nil {
		return err
	}
	if i := bytes.Index(page, []byte("<head>")); i >= 0 {
		i += len("<head>")
		page = append(page[:i:i], append([]byte(`<script src="`+recorderPath+`"></script>`), page[i:]...)...)
	}
	res.Header.Del("Content-Encoding")
	res.Header.Set("Content-Length", strconv.Itoa(len(page)))
	res.ContentLength = int64(len(page))
	res.Body = io.NopCloser(bytes.NewReader(page))
	return nil
}

// wasmResponses are the app.wasm responses so far: those with a body, and
// a line for each.
func (p *countingProxy) wasmResponses() (int, []string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.full, append([]string(nil), p.wasm...)
}

// TestWebKitJourney: Home renders with the Go program running, the check
// reaches emergency by clicks and shows the call button, app.wasm is
// downloaded once, no page logs an error, and after one visit / and
// /triage load with the server killed.
func TestWebKitJourney(t *testing.T) {
	t.Parallel()
	webkitTools(t) // skips before a server starts
	srv := startServer(t, "web", "")
	proxy := newCountingProxy(t, srv.URL)
	w := newWebKit(t)
	words := texts(t)
	noErrors := func(where string) {
		t.Helper()
		if errs := w.pageErrors(); len(errs) > 0 {
			t.Errorf("WebKit logged errors on %s:\n  %s", where, strings.Join(errs, "\n  "))
		}
	}

	// Home, with the Go program running.
	w.navigate(proxy.srv.URL + "/")
	w.eventually("Home drawn by the Go program", `document.getElementById("app-wasm-loader") === null && document.querySelector("main h1") !== null`, 60*time.Second)
	// The program runs: app.wasm has come down, and the page's copy is the
	// only one (the service worker registers after the first screen).
	page, pageLines := proxy.wasmResponses()
	var h1 string
	if err := w.exec(`return document.querySelector("main h1").textContent.trim();`, &h1); err != nil {
		t.Fatal(err)
	}
	if want := words.T("home.title"); h1 != want {
		t.Errorf("WebKit: Home's heading %q; want %q", h1, want)
	}
	if page != 1 {
		t.Errorf("WebKit downloaded app.wasm %d times for the page on a first visit; want once:\n  %s", page, strings.Join(pageLines, "\n  "))
	}
	w.eventually("the service worker in control", `navigator.serviceWorker && navigator.serviceWorker.controller !== null`, 60*time.Second)
	// The worker's precache revalidates app.wasm with the HTTP cache; an
	// automation session keeps no HTTP cache, so there it downloads it again.
	all, lines := proxy.wasmResponses()
	if all > 2 {
		t.Errorf("WebKit downloaded app.wasm %d times on a first visit; want once for the page and at most once for the service worker:\n  %s", all, strings.Join(lines, "\n  "))
	}
	t.Logf("WebKit, app.wasm on a first visit: %d for the page, %d in all: %s", page, all, strings.Join(lines, "; "))
	noErrors("Home")

	// The check, by clicks, to emergency and its call button.
	w.navigate(proxy.srv.URL + "/triage")
	yes := `[data-question="saddle_numbness"] [data-answer="yes"]`
	w.eventually("the first warning sign", `document.getElementById("app-wasm-loader") === null && document.querySelector('`+yes+`') !== null`, 60*time.Second)
	w.click(yes)
	w.eventually("the emergency result", `document.querySelector('[data-disposition="emergency"]') !== null`, 30*time.Second)
	w.eventually("a visible call button", `Array.from(document.querySelectorAll('main a[href^="tel:"]')).some((a) => a.getClientRects().length > 0)`, 10*time.Second)
	noErrors("the check")
	// The same in a page load of its own.
	w.navigate(proxy.srv.URL + "/about")
	w.eventually("About drawn", `document.getElementById("app-wasm-loader") === null && document.querySelector("main h1") !== null`, 60*time.Second)
	noErrors("About")

	// Offline: the server is gone, and so is the proxy in front of it.
	srv.Kill()
	proxy.srv.CloseClientConnections()
	proxy.srv.Close()
	for _, route := range []string{"/", "/triage"} {
		w.navigate(proxy.srv.URL + route)
		w.eventually(route+" offline", `document.getElementById("app-wasm-loader") === null && document.querySelector("main h1") !== null`, 60*time.Second)
		if route == "/triage" {
			w.eventually("the check offline", `location.pathname === "/triage" && document.querySelector('`+yes+`') !== null`, 30*time.Second)
		}
	}
}

// TestBrowserDownloadsAppWasmOnce: Chromium's first visit downloads app.wasm
// once, for the page and the service worker's precache together (the
// precache revalidates with the HTTP cache: a 304).
func TestBrowserDownloadsAppWasmOnce(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "web", "")
	proxy := newCountingProxy(t, srv.URL)
	b := newBrowser(t)
	ctx := b.Tab()
	runIn(t, ctx, "a first visit", chromedp.Navigate(proxy.srv.URL+"/"), appReady(), workerReady())
	full, lines := proxy.wasmResponses()
	if full != 1 {
		t.Errorf("Chromium downloaded app.wasm %d times on a first visit; want once:\n  %s", full, strings.Join(lines, "\n  "))
	}
	t.Logf("Chromium, app.wasm on a first visit: %s", strings.Join(lines, "; "))
	var errs []string
	runIn(t, ctx, "reading the page's errors", chromedp.Evaluate(`window.__unknotErrors || null`, &errs))
	if errs == nil {
		t.Fatal("the page has no error recorder")
	}
	if len(errs) > 0 {
		t.Errorf("Chromium logged errors on Home:\n  %s", strings.Join(errs, "\n  "))
	}
}
