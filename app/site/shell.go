//go:build !wasm

package site

import (
	"bytes"
	_ "embed"
	"errors"
	"slices"
	"strings"
)

// shellPath is the page the service worker answers a navigation with when
// the route has no pre-rendered page (a routine's player, an episode): see
// bareShell.
const shellPath = "/app-shell.html"

// bareShell makes the worker's shell from the pre-rendered home page: the
// same head (stylesheets, scripts) and go-app's loader, but an empty root
// where the home page's content was, and app.wasm compiled on a worker
// (startScript, first thing in the head, where preloadFirst put preload)
// rather than preloaded for the page to compile. go-app's loader covers the
// page until the app has drawn the route, and the app replaces the root
// rather than reusing it, so that content is never seen; yet the browser
// would parse it, lay it out and fetch and decode its images while app.wasm
// waits to start.
func bareShell(home []byte, preload, startScript string) ([]byte, error) {
	// go-app writes attributes in no fixed order: find the loader by its id.
	start := bytes.Index(home, []byte("<body"))
	loader := bytes.Index(home, []byte(`id="app-wasm-loader"`))
	end := bytes.LastIndex(home[:max(loader, 0)], []byte("<aside"))
	if start < 0 || loader < 0 || end < start {
		return nil, errors.New("making the shell: the home page has no <body> followed by go-app's loader")
	}
	start += bytes.IndexByte(home[start:], '>') + 1
	head := home[:start]
	first := afterCharset(preload)
	if bytes.Count(head, first) != 1 {
		return nil, errors.New("making the shell: the home page's head does not start with the app.wasm preload")
	}
	head = bytes.Replace(head, first, afterCharset(startScript), 1)
	return slices.Concat(head, []byte("\n    <div></div>\n    "), home[end:]), nil
}

// workerPagePath is where the service worker keeps the page for route p:
// "/" as /app-pages/index.html, "/triage" as /app-pages/triage.html.
func workerPagePath(p string) string {
	if p == "/" {
		return "/app-pages/index.html"
	}
	return "/app-pages" + p + ".html"
}

// langPagePath is where the worker finds a route's page in a language other
// than the site's: /app-pages/<lang>/<route>.html.
func langPagePath(lang, p string) string {
	return "/app-pages/" + lang + strings.TrimPrefix(workerPagePath(p), "/app-pages")
}

// workerPage is a pre-rendered page as the service worker answers a
// navigation to its route with: the same page, its real first screen, with
// the head starting app.wasm's compilation on a worker (startScript) in
// place of the preload, as the bare shell does. Read from the cache, the
// page costs no download, and the worker keeps the page's thread free for
// laying it out.
func workerPage(page []byte, preload, startScript string) ([]byte, error) {
	first := afterCharset(preload)
	if bytes.Count(page, first) != 1 {
		return nil, errors.New("making the worker's page: its head does not start with the app.wasm preload")
	}
	return bytes.Replace(page, first, afterCharset(startScript), 1), nil
}

// Compiling app.wasm on a worker. On a repeat or offline start the page's
// thread would otherwise decode app.wasm, read from the service worker's
// cache, after go-app's scripts had run and before the program could start.
// The shell instead starts web/wasm-start.js first thing, which compiles
// app.wasm on a worker thread (web/wasm-compile.js) while the page's thread
// reads the stylesheets and runs go-app's scripts; app.js then only
// instantiates the compiled module. The pre-rendered pages a first visit
// gets keep go-app's own way (the preloaded app.wasm compiled by the page as
// it downloads): there the network, not the page's thread, takes the time.

// wasmStartID is the id of the shell's script element that starts the
// worker; app.js (appjs-instantiate.js) waits for it when it has not run yet.
const wasmStartID = "unknot-wasm-start"

// wasmStartScript is the shell's script element for web/wasm-start.js at
// src, async so that it runs as soon as it arrives, whatever the stylesheets.
func wasmStartScript(src string) string {
	return `<script async id="` + wasmStartID + `" src="` + src + `"></script>`
}

// goappInstantiate is the call in go-app's app.js (v10.1.11) that fetches
// and compiles app.wasm on the page; {{wasm}} stands for its address.
const goappInstantiate = `    const wasm = await instantiateStreaming(
      fetchWithProgress("{{wasm}}", showProgress),
      go.importObject
    );
`

// unknotInstantiate replaces goappInstantiate: the module compiled on the
// worker if the page started one, else go-app's own call.
const unknotInstantiate = `    const wasm = await unknotInstantiate(go.importObject, () => instantiateStreaming(
      fetchWithProgress("{{wasm}}", showProgress),
      go.importObject
    ));
`

// goappRun is where go-app's app.js starts the program and removes its
// loader at once: go-app builds the page within go.run's first task. Unknot's
// start is cut into short tasks (wasm/main.go), so go.run returns long before
// the page is built, and unknotRun leaves the loader until it is
// (appjs-instantiate.js's unknotWhenBuilt): until then the pre-rendered page
// is what a person uses (web/triage-early.js keeps its answers), and the
// loader's leaving is what `make bench` and the browser tests take as the
// program's start. The service worker is registered then too
// (registerWorkerLater in worker.go).
const goappRun = `    go.run(wasm.instance);
    loader.remove();
`

const unknotRun = `    go.run(wasm.instance);
    unknotWhenBuilt(() => {
      loader.remove();
      unknotRegisterWorkerLater();
    });
`

// instantiateJS defines unknotInstantiate and unknotWhenBuilt; it is
// appended to app.js.
//
//go:embed appjs-instantiate.js
var instantiateJS string

// patchAppJS makes go-app's app.js take the module compiled on the worker,
// wasm being app.wasm's address as app.js has it, and keep its loader until
// the program has built the page.
func patchAppJS(js []byte, wasm string) ([]byte, error) {
	from := bytes.ReplaceAll([]byte(goappInstantiate), []byte("{{wasm}}"), []byte(wasm))
	to := bytes.ReplaceAll([]byte(unknotInstantiate), []byte("{{wasm}}"), []byte(wasm))
	if bytes.Count(js, from) != 1 {
		return nil, errors.New("go-app's app.js does not compile app.wasm as app/site/shell.go expects: update goappInstantiate for this go-app version")
	}
	js = bytes.Replace(js, from, to, 1)
	if bytes.Count(js, []byte(goappRun)) != 1 {
		return nil, errors.New("go-app's app.js does not start the program as app/site/shell.go expects: update goappRun for this go-app version")
	}
	js = bytes.Replace(js, []byte(goappRun), []byte(unknotRun), 1)
	return append(append(js, '\n'), instantiateJS...), nil
}
