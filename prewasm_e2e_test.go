//go:build !wasm

package main

import (
	"context"
	"strings"
	"sync"
	"testing"
	"unknot/app/content"
	"unknot/data"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// The warning-sign check works before and without WebAssembly
// (DESIGN.md): its first step is a real form, and a call box with a tel:
// link appears by CSS alone as soon as an emergency sign is Yes or Not sure.

// earlyCallShown reports whether the first step's call box and its tel:
// link are on screen.
const earlyCallShown = `(() => {
	const a = document.querySelector('.early-call a[href^="tel:"]');
	if (!a) return false;
	const r = a.getBoundingClientRect();
	return r.width > 0 && r.height > 0 && r.bottom <= innerHeight && r.top >= 0;
})()`

// answerEarly ticks a radio of the pre-rendered form with a real click on
// its label, as a person taps it (no page script is involved).
func answerEarly(t *testing.T, ctx context.Context, question, answer string) {
	t.Helper()
	runIn(t, ctx, "answering "+question, chromedp.Click(`label[for="q-`+question+`-`+answer+`"]`, chromedp.ByQuery))
}

func TestBrowserTriageWithoutJavaScript(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "web", "")
	ctx := newBrowser(t).Tab()
	runIn(t, ctx, "opening the check with scripts off", chromedp.EmulateViewport(390, 844),
		emulation.SetScriptExecutionDisabled(true),
		chromedp.Navigate(srv.URL+"/triage"),
		chromedp.WaitVisible(`[data-question="saddle_numbness"]`, chromedp.ByQuery))
	if got := boxShown(t, ctx); got {
		t.Fatal("the call box shows before any answer")
	}
	answerEarly(t, ctx, "saddle_numbness", "no")
	if boxShown(t, ctx) {
		t.Error("the call box shows after a No")
	}
	answerEarly(t, ctx, "bowel_control", "yes")
	if !boxShown(t, ctx) {
		t.Fatal("a Yes to an emergency sign shows no call box without JavaScript")
	}
	var href, label string
	runIn(t, ctx, "reading the call link", chromedp.AttributeValue(`.early-call a[href^="tel:"]`, "href", &href, nil, chromedp.ByQuery),
		chromedp.Text(`.early-call a[href^="tel:"]`, &label, chromedp.ByQuery))
	if href != "tel:112" || !strings.Contains(label, "112") || !strings.Contains(label, "local emergency number") {
		t.Errorf("call link %q %q; want tel:112, or your local emergency number", href, label)
	}
}

// boxShown reads, without page scripts, whether the call box's link is
// laid out and inside the viewport.
func boxShown(t *testing.T, ctx context.Context) bool {
	t.Helper()
	var shown bool
	runIn(t, ctx, "looking for the call box", chromedp.Evaluate(earlyCallShown, &shown))
	return shown
}

// blockWasm makes every request for app.wasm fail, as a broken download or
// a browser without WebAssembly would.
func blockWasm(ctx context.Context) chromedp.Action {
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*fetch.EventRequestPaused); ok {
			go chromedp.Run(ctx, fetch.FailRequest(e.RequestID, network.ErrorReasonFailed))
		}
	})
	return fetch.Enable().WithPatterns([]*fetch.RequestPattern{{URLPattern: "*app.wasm*"}})
}

// breakCachedWasm replaces app.wasm in the service worker's cache with
// something that is not WebAssembly, so the program cannot start offline.
func breakCachedWasm(t *testing.T, ctx context.Context) {
	t.Helper()
	runIn(t, ctx, "breaking app.wasm in the cache", chromedp.Evaluate(`(async () => {
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const req of await cache.keys()) {
				if (req.url.includes("app.wasm")) await cache.put(req, new Response("not wasm", {headers: {"Content-Type": "application/wasm"}}));
			}
		}
	})()`, nil, awaitPromise))
}

func TestBrowserTriageWhenAppWasmFails(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "web", "")
	b := newBrowser(t)
	ctx := b.Tab()
	runIn(t, ctx, "opening the check with app.wasm failing", chromedp.EmulateViewport(390, 844), blockWasm(ctx),
		chromedp.Navigate(srv.URL+"/triage"),
		chromedp.WaitVisible(`[data-question="saddle_numbness"]`, chromedp.ByQuery))
	answerEarly(t, ctx, "chest_pain", "unsure")
	eventually(t, ctx, "the call box without the program", earlyCallShown)
	if has(t, ctx, "[data-disposition]") {
		t.Fatal("a result is shown: the program ran although app.wasm was blocked")
	}

	// After one visit that installed the app, offline with the server
	// gone and app.wasm unusable, the check still works from the worker's
	// copy of the page.
	tab := b.Tab()
	runIn(t, tab, "one visit", chromedp.Navigate(srv.URL+"/"), appReady(), workerReady())
	srv.Kill()
	breakCachedWasm(t, tab)
	offline := b.Tab()
	runIn(t, offline, "offline check", chromedp.EmulateViewport(390, 844), chromedp.Navigate(srv.URL+"/triage?from=home#top"),
		chromedp.WaitVisible(`[data-question="saddle_numbness"]`, chromedp.ByQuery))
	answerEarly(t, offline, "both_legs", "yes")
	eventually(t, offline, "the call box offline without the program", earlyCallShown)
	if has(t, offline, "[data-disposition]") {
		t.Error("offline: a result is shown although app.wasm was broken")
	}
}

// Answers are kept for the program only from the pre-rendered page: once a
// page of go-app's own stands in its place (simulated here by a copy, with
// app.wasm blocked so the program cannot), an answer on it is not kept, or
// a later check would start with it. The loader, which an earlier version
// went by, is still in the page throughout.
func TestBrowserTriageEarlyAnswersComeOnlyFromThePrerenderedPage(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "web", "")
	ctx := newBrowser(t).Tab()
	runIn(t, ctx, "opening the check with app.wasm failing", chromedp.EmulateViewport(390, 844), blockWasm(ctx),
		chromedp.Navigate(srv.URL+"/triage"),
		chromedp.WaitVisible(`[data-question="saddle_numbness"]`, chromedp.ByQuery))
	const kept = `JSON.parse(sessionStorage.getItem("unknot.triage.early") || "{}")`
	answerEarly(t, ctx, "saddle_numbness", "no")
	eventually(t, ctx, "the answer kept", kept+`.saddle_numbness === "no"`)
	runIn(t, ctx, "putting a copy of the page in its place", chromedp.Evaluate(`(() => {
		const page = document.body.firstElementChild;
		page.replaceWith(page.cloneNode(true));
	})()`, nil))
	answerEarly(t, ctx, "bladder_change", "yes")
	eventually(t, ctx, "the copy answered", `document.querySelector('[data-question="bladder_change"] [data-answer="yes"]').checked`)
	var answers map[string]string
	runIn(t, ctx, "reading what is kept", chromedp.Evaluate(kept, &answers))
	if len(answers) != 1 || answers["saddle_numbness"] != "no" {
		t.Errorf("kept %v; want only the answer given on the pre-rendered page", answers)
	}
	if !has(t, ctx, "#app-wasm-loader") {
		t.Error("the loader is gone, so this did not test what it means to")
	}
}

// TestBrowserTriageAnswersCarryOverWhenTheProgramStarts holds app.wasm back
// while a person answers two questions; once it arrives and the program
// runs, both answers are still there, and the check goes on from them.
func TestBrowserTriageAnswersCarryOverWhenTheProgramStarts(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "web", "")
	ctx := newBrowser(t).Tab()
	var mu sync.Mutex
	var held []fetch.RequestID
	release := false
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*fetch.EventRequestPaused); ok {
			mu.Lock()
			defer mu.Unlock()
			if release {
				go chromedp.Run(ctx, fetch.ContinueRequest(e.RequestID))
				return
			}
			held = append(held, e.RequestID)
		}
	})
	runIn(t, ctx, "opening the check with app.wasm held back", chromedp.EmulateViewport(390, 844),
		fetch.Enable().WithPatterns([]*fetch.RequestPattern{{URLPattern: "*app.wasm*"}}),
		chromedp.Navigate(srv.URL+"/triage"),
		chromedp.WaitVisible(`[data-question="saddle_numbness"]`, chromedp.ByQuery))
	answerEarly(t, ctx, "saddle_numbness", "no")
	answerEarly(t, ctx, "bladder_change", "no")
	if !has(t, ctx, "#app-wasm-loader") {
		t.Fatal("the program started before app.wasm was let through")
	}
	mu.Lock()
	release = true
	for _, id := range held {
		go chromedp.Run(ctx, fetch.ContinueRequest(id))
	}
	mu.Unlock()
	runIn(t, ctx, "the program starting", appReady())
	eventually(t, ctx, "both answers kept by the program", `location.search.startsWith("?check=") &&
		document.querySelector('[data-question="saddle_numbness"] [data-answer="no"]').checked &&
		document.querySelector('[data-question="bladder_change"] [data-answer="no"]').checked &&
		JSON.parse(localStorage.getItem("unknot.triage.progress.v2")).current.answers.bladder_change === "no"`)
	// The check goes on: a Yes now ends it with the emergency result.
	clickJS(t, ctx, `[data-question="sexual_numbness"] [data-answer="yes"]`)
	eventually(t, ctx, "the emergency result", `document.querySelector('[data-disposition="emergency"]') !== null`)
}

func has(t *testing.T, ctx context.Context, sel string) bool {
	t.Helper()
	var ok bool
	runIn(t, ctx, "looking for "+sel, chromedp.Evaluate(`document.querySelector(`+jsString(sel)+`) !== null`, &ok))
	return ok
}

func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// TestBrowserTriageInTheBrowsersLanguageWithoutTheProgram: a German phone
// gets the warning signs in German before and without app.wasm, from the
// server (scripts off) and, offline, from the service worker.
func TestBrowserTriageInTheBrowsersLanguageWithoutTheProgram(t *testing.T) {
	t.Parallel()
	catalog, err := content.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	german := catalog.Strings("de").T("triage.q.saddle_numbness")
	srv := startServer(t, "web", "")
	b := newBrowserIn(t, "de-DE")
	inGerman := func(ctx context.Context, where string) {
		t.Helper()
		var lang, question string
		runIn(t, ctx, "reading the first warning sign "+where, chromedp.Evaluate(`document.documentElement.lang`, &lang),
			chromedp.Text(`[data-question="saddle_numbness"] legend`, &question, chromedp.ByQuery))
		if lang != "de" || !strings.Contains(question, german) {
			t.Errorf("%s: the page is in %q and asks %q; want German: %q", where, lang, question, german)
		}
	}
	ctx := b.Tab()
	runIn(t, ctx, "opening the check with scripts off", chromedp.EmulateViewport(390, 844),
		emulation.SetScriptExecutionDisabled(true),
		chromedp.Navigate(srv.URL+"/triage"),
		chromedp.WaitVisible(`[data-question="saddle_numbness"]`, chromedp.ByQuery))
	inGerman(ctx, "from the server")
	answerEarly(t, ctx, "bowel_control", "yes")
	if !boxShown(t, ctx) {
		t.Error("a Yes shows no call box in German")
	}

	tab := b.Tab()
	runIn(t, tab, "one visit", chromedp.Navigate(srv.URL+"/"), appReady(), workerReady())
	srv.Kill()
	breakCachedWasm(t, tab)
	offline := b.Tab()
	runIn(t, offline, "offline check", chromedp.EmulateViewport(390, 844), chromedp.Navigate(srv.URL+"/triage"),
		chromedp.WaitVisible(`[data-question="saddle_numbness"]`, chromedp.ByQuery))
	inGerman(offline, "offline, from the service worker")
}

// TestBrowserTriageInTheLanguageChosenInSettings: an English phone whose
// owner chose Spanish in Settings gets the warning signs in Spanish from
// the service worker, offline and without the program.
func TestBrowserTriageInTheLanguageChosenInSettings(t *testing.T) {
	t.Parallel()
	catalog, err := content.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	es := catalog.Strings("es")
	srv := startServer(t, "web", "")
	b := newBrowser(t)
	tab := b.Tab()
	runIn(t, tab, "opening Settings", chromedp.Navigate(srv.URL+"/settings"), appReady(), workerReady())
	clickJS(t, tab, `[data-language="es"]`)
	eventually(t, tab, "Settings in Spanish", `document.documentElement.lang === "es"`)
	eventually(t, tab, "the choice kept for the service worker", `(caches.open("language-choice").then((c) => c.match("/unknot-language")).then((r) => r ? r.text() : "").then((l) => { window.keptLanguage = l; }), window.keptLanguage === "es")`)
	srv.Kill()
	breakCachedWasm(t, tab)
	offline := b.Tab()
	runIn(t, offline, "offline check", chromedp.EmulateViewport(390, 844), chromedp.Navigate(srv.URL+"/triage"),
		chromedp.WaitVisible(`[data-question="saddle_numbness"]`, chromedp.ByQuery))
	var lang, question string
	runIn(t, offline, "reading the first warning sign", chromedp.Evaluate(`document.documentElement.lang`, &lang),
		chromedp.Text(`[data-question="saddle_numbness"] legend`, &question, chromedp.ByQuery))
	if want := es.T("triage.q.saddle_numbness"); lang != "es" || !strings.Contains(question, want) {
		t.Errorf("offline, the page is in %q and asks %q; want Spanish: %q", lang, question, want)
	}
}
