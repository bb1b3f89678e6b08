//go:build !wasm

package main

// The browser harness: the real `unknot serve` binary in its own process (so
// tests can kill it to prove offline really works), and headless Chromium
// driven by chromedp with a fresh profile per test. Without a Chromium the
// browser tests are skipped with a message, unless CI=true, where they fail.

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

var (
	buildOnce sync.Once
	buildBin  string
	buildErr  error
)

// serverBinary builds the unknot binary once per test run.
func serverBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "unknot-bin")
		if err != nil {
			buildErr = err
			return
		}
		buildBin = filepath.Join(dir, "unknot")
		out, err := exec.Command("go", "build", "-o", buildBin, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return buildBin
}

// chromiumPath finds Chromium, or skips (fails under CI=true) without one.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("browser tests need Chromium and CI=true requires them: install Debian's chromium package")
	}
	t.Skip("browser test skipped: no Chromium found (install Debian's chromium package, or set CHROMIUM)")
	return ""
}

// requireWasm makes sure web/app.wasm exists (make test builds it first).
func requireWasm(t *testing.T) {
	t.Helper()
	if _, err := os.Stat("web/app.wasm"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("web/app.wasm is missing: run `make build` before the browser tests")
		}
		t.Skip("browser test skipped: web/app.wasm is missing (run `make build`)")
	}
}

// server is a running `unknot serve` process.
type server struct {
	URL  string
	cmd  *exec.Cmd
	done chan struct{}
}

// startServer starts `unknot serve` on a free port with the assets in web.
func startServer(t *testing.T, web string, addr string) *server {
	t.Helper()
	requireWasm(t)
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	cmd := exec.Command(serverBinary(t), "serve", "-addr", addr, "-web", web)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &server{cmd: cmd, done: make(chan struct{})}
	go func() { cmd.Wait(); close(s.done) }()
	t.Cleanup(s.Kill)

	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			default:
			}
		}
	}()
	select {
	case line := <-lines:
		i := strings.Index(line, "http://")
		if i < 0 {
			t.Fatalf("unexpected serve output %q", line)
		}
		s.URL = strings.TrimSuffix(line[i:], "/")
	case <-s.done:
		t.Fatal("unknot serve exited before listening")
	case <-time.After(3 * time.Minute):
		// The first start compresses app.wasm at brotli's best setting (tens
		// of seconds); later starts reuse the cached result.
		t.Fatal("unknot serve did not start within 3 minutes")
	}
	return s
}

// Kill stops the server process abruptly, as a crash or a lost network would.
func (s *server) Kill() {
	if s.cmd.Process != nil {
		s.cmd.Process.Kill()
	}
	<-s.done
}

// browser is a headless Chromium with its own profile directory.
type browser struct {
	t       *testing.T
	profile string
	flags   []chromedp.ExecAllocatorOption // besides start's own
	ctx     context.Context                // the browser's first tab
	cancel  func()
}

// newBrowser starts Chromium with a fresh profile.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	b := &browser{t: t, profile: profileDir(t)}
	b.start()
	t.Cleanup(func() { b.cancel() })
	return b
}

// newBrowserIn starts Chromium with a fresh profile, set to a language
// (such as "de-DE") everywhere: its pages, its service workers and the
// Accept-Language of every request.
func newBrowserIn(t *testing.T, lang string) *browser {
	t.Helper()
	b := &browser{t: t, profile: profileDir(t), flags: []chromedp.ExecAllocatorOption{
		chromedp.Flag("lang", lang), chromedp.Flag("accept-lang", lang),
	}}
	b.start()
	t.Cleanup(func() { b.cancel() })
	return b
}

// profileDir is a fresh Chromium profile directory. It is removed after the
// test's later cleanups (which close the browser) have run, retrying while
// Chromium finishes writing it as it exits.
func profileDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "unknot-profile")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for i := 0; i < 50 && os.RemoveAll(dir) != nil; i++ {
			time.Sleep(100 * time.Millisecond)
		}
	})
	return dir
}

func (b *browser) start() {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath(b.t)),
		chromedp.UserDataDir(b.profile),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(412, 915),
	}
	opts = append(opts, b.flags...)
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	if err := chromedp.Run(ctx); err != nil {
		acancel()
		b.t.Fatalf("starting Chromium: %v", err)
	}
	b.ctx = ctx
	b.cancel = func() { cancel(); acancel() }
}

// Restart closes Chromium and starts it again on the same profile, as a
// phone restart would.
func (b *browser) Restart() {
	b.cancel()
	b.start()
}

// Tab opens a new tab; it closes with the test.
func (b *browser) Tab() context.Context {
	ctx, cancel := chromedp.NewContext(b.ctx)
	b.t.Cleanup(cancel)
	if err := chromedp.Run(ctx); err != nil {
		b.t.Fatalf("opening a tab: %v", err)
	}
	return ctx
}

// runIn runs actions in ctx with a deadline, failing the test on error.
func runIn(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Run(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// awaitPromise makes Evaluate wait for a returned promise.
func awaitPromise(p *runtime.EvaluateParams) *runtime.EvaluateParams {
	return p.WithAwaitPromise(true)
}

// appReady waits until the wasm app has started and rendered a page.
//
// It evaluates the condition afresh every 100 ms, in whatever document the
// tab holds, rather than with chromedp.Poll: Poll is bound to the execution
// context it found first, and fails with "Cannot find context with
// specified id" when that document is replaced while it waits (a
// navigation that chromedp.Navigate reported loaded a moment early).
func appReady() chromedp.Action {
	const started = `document.getElementById("app-wasm-loader") === null && document.querySelector("main h1") !== null`
	return chromedp.ActionFunc(func(ctx context.Context) error {
		deadline := time.Now().Add(45 * time.Second)
		for {
			var ok bool
			err := chromedp.Evaluate(started, &ok).Do(ctx)
			if err == nil && ok {
				return nil
			}
			if time.Now().After(deadline) {
				return fmt.Errorf("the app did not start within 45s: %s (last error: %v)", started, err)
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(100 * time.Millisecond):
			}
		}
	})
}

// workerReady waits until the service worker is installed (its precache
// complete) and controls the page.
func workerReady() chromedp.Action {
	return chromedp.Poll(`(async () => {
		const r = await navigator.serviceWorker.ready;
		return !!(r.active && r.active.state === "activated" && navigator.serviceWorker.controller);
	})()`, nil, chromedp.WithPollingTimeout(45*time.Second))
}

// text returns the text content of the first element matching sel.
func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	var s string
	runIn(t, ctx, "reading "+sel, chromedp.Evaluate(fmt.Sprintf(`(document.querySelector(%q) || {}).textContent || ""`, sel), &s))
	return strings.TrimSpace(s)
}

// eventually evaluates the JavaScript condition until it is true, riding
// over page loads (which make a single evaluation fail), for up to 45s.
func eventually(t *testing.T, ctx context.Context, what, condition string) {
	t.Helper()
	deadline := time.Now().Add(45 * time.Second)
	for {
		var ok bool
		err := chromedp.Run(ctx, chromedp.Evaluate(condition, &ok))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: still not true after 45s: %s (last error: %v)", what, condition, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// clickJS clicks the first element matching sel with a DOM click, failing
// the test when there is none.
func clickJS(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	var ok bool
	runIn(t, ctx, "clicking "+sel, chromedp.Evaluate(fmt.Sprintf(`(() => { const el = document.querySelector(%q); if (!el) return false; el.click(); return true; })()`, sel), &ok))
	if !ok {
		t.Fatalf("clicking %s: no such element", sel)
	}
}

// settledText is the text of sel once the page is done loading and the text
// has stopped changing: pages that load something first show a passing
// "Opening…" heading.
func settledText(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	// A page that reads the journal marks its main region busy until it has.
	eventually(t, ctx, "the page done loading", `document.querySelector("main[aria-busy]") === null`)
	last := text(t, ctx, sel)
	for i := 0; i < 50; i++ {
		time.Sleep(300 * time.Millisecond)
		now := text(t, ctx, sel)
		if now == last {
			return now
		}
		last = now
	}
	return last
}
