// Command wasm is Unknot's browser client, built with GOOS=js GOARCH=wasm
// into web/app.wasm. It registers the routes, wires the browser services
// into the views and hands over to go-app. Building it from its own package
// keeps the server (net/http, the Handler, compression) out of app.wasm.
package main

import (
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/content"
	"unknot/app/emergency"
	"unknot/app/journal"
	"unknot/app/routine"
	"unknot/app/triage"
	"unknot/app/view"
	"unknot/data"
	"unknot/wasm/browser"
)

func main() {
	if !browser.InPage() {
		warmUp()
		return
	}
	// The start is cut into short tasks (b.Yield): one long task kept a tap
	// on the pre-rendered page waiting for all of it, and on a phone it was
	// most of Lighthouse's Total Blocking Time. go-app's first build of the
	// page is the one step left that cannot be cut.
	//
	// The content comes compiled into Go (package data), checked by the
	// tests against the tree every server start checks; failing here means
	// a broken build, which must not show a half-working app.
	catalog, err := compiledCatalog()
	if err != nil {
		panic(err)
	}
	b := browser.New()
	b.KeepAddressReadable()
	b.Yield()
	// The journal lives in IndexedDB, opened in the background; where the
	// browser refuses it (private windows, blocked storage) it is kept in
	// memory and the journal pages say that nothing will be kept.
	store := browser.OpenJournal()
	env := view.NewEnv(catalog, b.Language(), app.Getenv("GOAPP_ROOT_PREFIX"), b, store)
	env.JournalFeed, env.Files = store, browser.NewFiles()
	env.Cues = view.CueOutput{Speech: browser.NewSpeech(), Sound: browser.NewAudio(), Vibrator: browser.NewVibrator()}
	env.WakeLock, env.Clock, env.Clipboard = browser.NewWakeLock(), browser.NewClock(), browser.NewClipboard()
	env.Exit = browser.NewPageExit()
	// The clinic comes baked into the site or, inside a frame, from the
	// address the frame was opened with (view.ResolveClinic says which wins;
	// view.ClinicFragment keeps it across reloads).
	frame := browser.NewFrame()
	fragment := view.ClinicFragment(frame.Fragment(), b.InFrame(), frame)
	env.Clinic = view.ResolveClinic(app.Getenv("UNKNOT_CLINIC"), frame.Query(), fragment, b.InFrame())
	env.Clinic.Frame = frame
	if env.Clinic.Err != nil {
		app.Log("unknot: clinic configuration not used:", env.Clinic.Err)
	}
	b.Yield()
	env.ApplyLanguage()
	view.Register(env)
	b.WatchAddresses(func(path string) { view.Route(env, path) })
	env.ApplyClinic()
	b.OnVisible(app.TryUpdate)
	b.Yield()
	// When the browser is first idle, the garbage is collected once: the
	// first collection also compiles the collector, and left to itself it
	// fell on a tap.
	b.WhenIdle(runtime.GC)
	app.RunWhenOnBrowser()
}

// warmUp is the program's start in the worker that compiled app.wasm, run
// there before the page gets the module (web/wasm-compile.js). V8 compiles
// each function of a module on the thread that first calls it, and the
// module's compiled functions are shared with every thread the module is
// sent to: the Go runtime's start, every package's initialisation, the
// building and mounting of the page that started the worker (view.WarmUp,
// into the worker's stand-in document) and the runtime's timers and
// collector are compiled here, off the page's thread. At the start of
// /triage the page's thread then compiles 286 functions rather than 1,580.
// An exit code other than 0 tells web/wasm-compile.js that the start did not
// run to its end.
func warmUp() {
	// A failure makes web/wasm-compile.js report the start as not warmed.
	fail := func(err error) {
		println("unknot:", err.Error())
		os.Exit(3)
	}
	catalog, err := compiledCatalog()
	if err != nil {
		fail(err)
	}
	// The page that started the worker, built and put into the stand-in
	// document, in the site's language.
	env := view.NewEnv(catalog, content.DefaultLanguage, "", view.PrerenderPlatform{}, &journal.Memory{})
	if err := view.WarmUp(env, browser.WarmUpPath()); err != nil {
		fail(err)
	}
	// What the page's program does next in every start: wait on go-app's
	// frame ticker beside a channel, and collect garbage once when the
	// browser is first idle (about 200 of the runtime's functions).
	frames, quit := time.NewTicker(time.Millisecond), make(chan struct{})
	select {
	case <-frames.C:
	case <-quit:
	}
	frames.Stop()
	runtime.GC()
}

// compiledCatalog is the content compiled into package data: the words of
// every language, the triage rules, the routines and the emergency numbers.
func compiledCatalog() (*content.Catalog, error) {
	locales := make(map[string]content.Strings, len(data.Locales))
	for _, w := range data.Locales {
		s, err := content.NewStrings(w.Keys, w.Texts)
		if err != nil {
			return nil, fmt.Errorf("data.Locales %s: %w", w.Lang, err)
		}
		locales[w.Lang] = s
	}
	return content.Compiled(locales, triage.FromData(data.Triage), routine.FromData(data.Routines), emergency.FromData(data.Emergency))
}
