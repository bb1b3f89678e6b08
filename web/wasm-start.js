// Unknot: starts compiling app.wasm on a worker thread as soon as the page's
// head is read, so that the page's own thread is free meanwhile to lay out
// the page and run go-app's scripts. Every page loads this script first thing
// (see app/site/firstvisit.go and shell.go); app.js then takes the compiled module from
// window.unknotWasm, and compiles on the page itself where there are no
// workers (window.unknotWasm is false) or the worker failed. Once compiled,
// window.unknotWasm.source says where the worker read app.wasm from, and
// window.unknotWasm.timeZone is the device's time zone, read on the worker
// (see web/wasm-compile.js's zoneOf), and window.unknotWasm.warmed says
// whether the worker ran the program's start before handing the module over
// (warmUp there).
"use strict";

(() => {
  if (!window.Worker || !WebAssembly.compileStreaming) {
    window.unknotWasm = false;
    return;
  }
  const worker = new Worker(new URL("wasm-compile.js", document.currentScript.src));
  // The worker builds this page once while it warms app.wasm up; it needs
  // the page's app path, without the site's base (the folder above web/).
  const base = new URL("..", document.currentScript.src).pathname;
  worker.postMessage({ page: "/" + location.pathname.slice(base.length).replace(/\/+$/, "") });
  const module = new Promise((resolve, reject) => {
    worker.onmessage = (event) => {
      if (event.data.progress !== undefined) {
        unknotShowProgress(event.data.progress);
        return;
      }
      worker.terminate();
      if (event.data.module) {
        window.unknotWasm.source = event.data.source;
        window.unknotWasm.timeZone = event.data.timeZone;
        window.unknotWasm.warmed = event.data.warmed;
        resolve(event.data.module);
      } else {
        reject(new Error(event.data.error));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || "the worker compiling app.wasm failed"));
    };
  });
  window.unknotWasm = { module };
})();

// unknotShowProgress writes the worker's download progress where go-app's loader
// shows its own (app.js defines goappLoadingLabel; it may not have run yet).
function unknotShowProgress(progress) {
  const label = document.getElementById("app-wasm-loader-label");
  if (label && typeof goappLoadingLabel === "string") {
    label.innerText = goappLoadingLabel.replace("{progress}", progress);
  }
}
