// Added by Unknot (app/site/appjs-instantiate.js, appended by shell.go):
// instantiate the module web/wasm-start.js compiled on a worker, if the page
// started one; otherwise, or if the worker failed, compile here as go-app
// does (compileHere).
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
  const instance = await WebAssembly.instantiate(module, importObject);
  // The program's start runs in a task of its own, after the one that
  // instantiated it (wasm/main.go cuts the start into short tasks).
  await new Promise((resolve) => setTimeout(resolve, 0));
  return { module, instance };
}

// unknotWhenBuilt calls done once go-app has built its page in place of the
// pre-rendered one: go-app replaces the first element of the body (the
// pre-rendered page, or the shell's empty one) with its own. The program's
// start is cut into short tasks (wasm/main.go), and that happens in the last.
function unknotWhenBuilt(done) {
  const prerendered = document.body.firstElementChild;
  if (!prerendered) {
    done();
    return;
  }
  const observer = new MutationObserver(() => {
    if (!prerendered.isConnected) {
      observer.disconnect();
      done();
    }
  });
  observer.observe(document.body, { childList: true });
}

// unknotWasmStarted waits for the shell's web/wasm-start.js to run, and
// returns what it left in window.unknotWasm (false where there are no
// workers), or null for a page without it.
function unknotWasmStarted() {
  const script = document.getElementById("unknot-wasm-start");
  if (!script) {
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    script.addEventListener("load", () => resolve(window.unknotWasm || null));
    script.addEventListener("error", () => resolve(null));
  });
}
