// Unknot: the worker web/wasm-start.js starts. It reads app.wasm from the
// service worker's cache, compiles it on this thread as the bytes arrive,
// and posts the compiled module to the page, saying where the bytes came
// from ("cache" or "network").
//
// It reads the cache itself rather than asking the service worker, so that
// the bytes do not pass through the service worker's thread (the README's
// offline section has the figures). The cache is the service worker's
// (cacheName in app/site/worker.js); while a new version installs there are
// two, and the older one, which the page's shell came from, is listed first.
// Without a cache (a first visit), the address is fetched as usual.
//
// The compiler reads the response itself. Counting the bytes for the
// loader's progress costs too much here: feeding the compiler through a
// counting stream, or counting a copy of the response, made repeat starts
// measurably slower.
"use strict";

(async () => {
  try {
    const { response, source } = await appWasm(new URL("app.wasm", self.location.href));
    const module = await WebAssembly.compileStreaming(response);
    self.postMessage({ module, source });
  } catch (err) {
    self.postMessage({ error: String(err) });
  }
})();

async function appWasm(url) {
  if (self.caches) {
    for (const name of await self.caches.keys()) {
      if (!name.startsWith("unknot-")) {
        continue;
      }
      const hit = await (await self.caches.open(name)).match(url.href);
      if (hit) {
        return { response: hit, source: "cache" };
      }
    }
  }
  return { response: await fetch(url), source: "network" };
}
