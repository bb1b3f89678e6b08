//go:build !wasm

package site

import (
	"bytes"
	"strings"
)

// startOnWorkerEverywhere makes every page the server sends start app.wasm
// the way the service worker's pages do: web/wasm-start.js, first thing in
// the head, fetches and compiles it on a worker (from the network on a first
// visit), in place of the <link rel=preload> that prerender puts there.
//
// The preload let Chromium hand its response to app.js's fetch, but WebKit
// (WebKitGTK 2.50, Safari's engine) never gives a preload as=fetch to fetch()
// or XMLHttpRequest, whatever its crossorigin, Cache-Control or cache mode:
// a first visit downloaded app.wasm twice there (webkit_e2e_test.go counts
// it). With one fetch, by the worker, every engine downloads it once, and
// the page's thread no longer compiles it. The loader's percentage comes from
// the worker (web/wasm-compile.js counts the bytes it reads from the network).
func (s *Site) startOnWorkerEverywhere() {
	first := afterCharset(wasmPreload(s.base + "/web/app.wasm"))
	start := afterCharset(wasmStartScript(s.base + "/web/wasm-start.js"))
	swap := func(a *asset) {
		if a != nil && strings.HasPrefix(a.contentType, "text/html") && bytes.Count(a.body, first) == 1 {
			a.body = bytes.Replace(a.body, first, start, 1)
		}
	}
	for _, a := range s.assets {
		swap(a)
	}
	swap(s.notFound)
}
