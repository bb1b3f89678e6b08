// Unknot: the worker web/wasm-start.js starts. It fetches app.wasm (from the
// service worker's cache), compiles it on this thread as the bytes arrive,
// and posts the compiled module to the page.
//
// The compiler reads the response itself. Counting the bytes for the
// loader's progress costs too much here: feeding the compiler through a
// counting stream, or counting a copy of the response, made a repeat start
// 45 to 80 ms slower on make bench's machine.
"use strict";

(async () => {
  try {
    const module = await WebAssembly.compileStreaming(fetch(new URL("app.wasm", self.location.href)));
    self.postMessage({ module });
  } catch (err) {
    self.postMessage({ error: String(err) });
  }
})();
