package main

import (
	"bytes"
	"errors"
)

// Compiling app.wasm on a worker. On a repeat or offline start, the page's
// thread used to spend about 180 ms (on make bench's machine) decoding the
// 10 MB of app.wasm it read from the service worker's cache, after go-app's
// scripts had run and before the program could start. The worker's shell
// (bareShell) instead starts web/wasm-start.js first thing, which compiles
// app.wasm on a worker thread (web/wasm-compile.js) while the page's thread
// reads the stylesheets and runs go-app's scripts; app.js then only
// instantiates the compiled module. The pre-rendered pages a first visit
// gets keep go-app's own way (the preloaded app.wasm compiled by the page as
// it downloads): there the network, not the page's thread, is what takes
// the time.

// wasmStartID is the id of the shell's script element that starts the
// worker; app.js waits for it when it has not run yet.
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

// unknotInstantiateFunc is appended to app.js.
const unknotInstantiateFunc = `
// Added by Unknot (wasmstart.go): instantiate the module web/wasm-start.js
// compiled on a worker, if the page started one; otherwise, or if the worker
// failed, compile here as go-app does (compileHere).
// The loader's percentage stays where it is meanwhile (see web/wasm-compile.js).
async function unknotInstantiate(importObject, compileHere) {
  let started = window.unknotWasm;
  if (started === undefined) {
    started = await unknotWasmStarted();
  }
  if (!started) {
    return compileHere();
  }
  let module;
  try {
    module = await started.module;
  } catch (err) {
    console.error("unknot: compiling app.wasm on a worker failed; compiling it here:", err);
    return compileHere();
  }
  return { module, instance: await WebAssembly.instantiate(module, importObject) };
}

// unknotWasmStarted waits for the shell's web/wasm-start.js to run, and
// returns what it left in window.unknotWasm (false where there are no
// workers), or null for a page without it.
function unknotWasmStarted() {
  const script = document.getElementById("` + wasmStartID + `");
  if (!script) {
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    script.addEventListener("load", () => resolve(window.unknotWasm || null));
    script.addEventListener("error", () => resolve(null));
  });
}
`

// patchAppJS makes go-app's app.js take the module compiled on the worker,
// wasm being app.wasm's address as app.js has it.
func patchAppJS(js []byte, wasm string) ([]byte, error) {
	from := bytes.ReplaceAll([]byte(goappInstantiate), []byte("{{wasm}}"), []byte(wasm))
	to := bytes.ReplaceAll([]byte(unknotInstantiate), []byte("{{wasm}}"), []byte(wasm))
	if bytes.Count(js, from) != 1 {
		return nil, errors.New("go-app's app.js does not compile app.wasm as wasmstart.go expects: update goappInstantiate for this go-app version")
	}
	js = bytes.Replace(js, from, to, 1)
	return append(js, unknotInstantiateFunc...), nil
}
