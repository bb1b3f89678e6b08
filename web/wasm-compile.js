// Unknot: the worker web/wasm-start.js starts. It reads app.wasm from the
// service worker's cache, compiles it on this thread as the bytes arrive,
// and posts the compiled module to the page, saying where the bytes came
// from ("cache" or "network"), the device's time zone and whether the
// program's start ran here first (warmUp).
//
// It reads the cache itself rather than asking the service worker, so that
// the bytes do not pass through the service worker's thread (the README's
// offline section has the figures). The cache is the service worker's
// (cacheName in app/site/worker.js); while a new version installs there are
// two, and the older one, which the page's shell came from, is listed first.
// Without a cache (a first visit), the address is fetched as usual.
//
// From the cache, the compiler reads the response itself: counting the
// bytes for the loader's progress costs too much there (feeding the compiler
// through a counting stream, or counting a copy of the response, made repeat
// starts measurably slower). From the network (a first visit, where every
// page starts app.wasm here, see app/site/firstvisit.go) the link is the
// slow part: the bytes are counted and the progress posted to the page, as
// go-app's own fetch would show it.
"use strict";

// The page says which page it is (web/wasm-start.js), for warmUp.
self.onmessage = (event) => {
  if (typeof event.data.page === "string") {
    self.unknotWarmUpPath = event.data.page;
  }
};

(async () => {
  try {
    let { response, source } = await appWasm(new URL("app.wasm", self.location.href));
    if (source === "network") {
      response = counted(response);
    }
    const compiling = WebAssembly.compileStreaming(response);
    // While V8 compiles on its own threads, this thread reads the device's
    // time zone for the page (see zoneOf).
    const timeZone = zoneOf();
    const module = await compiling;
    const warmed = await warmUp(module);
    self.postMessage({ module, source, timeZone, warmed });
  } catch (err) {
    self.postMessage({ error: String(err) });
  }
})();

// zoneOf is the device's IANA time zone ("Europe/London"), or "" where the
// browser does not say. The page needs it for the emergency number
// (app/emergency); the first Intl.DateTimeFormat a thread makes loads the
// language's date data, which took 230 ms of the page's thread in Chromium,
// so the worker makes it instead.
function zoneOf() {
  try {
    const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    return typeof zone === "string" ? zone : "";
  } catch (err) {
    return "";
  }
}

// warmUp runs the program's start once here, before the page gets the
// module (wasm/main.go's warmUp says what it does and why): V8 compiles each
// function at its first call, on the thread that calls it, and shares what
// it compiled with every thread that has the module. Whatever goes wrong,
// the page starts the program all the same. It says whether the start ran
// to its end.
async function warmUp(module) {
  try {
    importScripts(new URL("../wasm_exec.js", self.location.href).href);
    self.unknotWarmingUp = true; // wasm/browser's InPage
    self.document = standIn();
    const go = new Go();
    let exitCode;
    go.exit = (code) => { exitCode = code; };
    const instance = await WebAssembly.instantiate(module, go.importObject);
    // A start that never ends must not keep the module from the page.
    const late = new Promise((resolve) => setTimeout(() => resolve("late"), 5000));
    if (await Promise.race([go.run(instance), late]) === "late") {
      console.warn("unknot: warming app.wasm up on its worker took over 5 s; the page starts it now");
      return false;
    }
    if (exitCode !== 0) {
      console.warn("unknot: warming app.wasm up on its worker ended with exit code", exitCode);
    }
    return exitCode === 0;
  } catch (err) {
    console.warn("unknot: warming app.wasm up on its worker failed:", err);
    return false;
  }
}

// standIn is what the warm-up's program finds where a page has its document
// and elements: every property it reads and every call it makes gives another
// stand-in, and what it sets is kept, so that go-app's code that puts a page
// into a document (view.WarmUp) runs here as it will on the page.
function standIn() {
  const kept = new Map();
  const proxy = new Proxy(function () {}, {
    get(target, key) {
      if (kept.has(key)) {
        return kept.get(key);
      }
      if (typeof key === "symbol") {
        return undefined;
      }
      if (key === "length") {
        return 0;
      }
      const child = standIn();
      kept.set(key, child);
      return child;
    },
    set(target, key, value) {
      kept.set(key, value);
      return true;
    },
    apply() {
      return standIn();
    },
    construct() {
      return standIn();
    },
  });
  return proxy;
}

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

// counted passes the response through, posting { progress } (0 to 100) to the
// page as its bytes arrive, at most once a percent.
function counted(response) {
  const total = parseInt(response.headers.get("X-Uncompressed-Length") || response.headers.get("Content-Length"), 10);
  if (!response.body || !(total > 0)) {
    return response;
  }
  let loaded = 0;
  let shown = -1;
  const counter = new TransformStream({
    transform(chunk, controller) {
      loaded += chunk.byteLength;
      const progress = Math.min(100, Math.floor((loaded * 100) / total));
      if (progress !== shown) {
        shown = progress;
        self.postMessage({ progress });
      }
      controller.enqueue(chunk);
    },
  });
  return new Response(response.body.pipeThrough(counter), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
