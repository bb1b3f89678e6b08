// Added by Unknot (app/site/appjs-register.js, appended by worker.go):
// register the service worker when the browser is next idle after the app's
// first screen, not while app.wasm is loading.
function unknotRegisterWorkerLater() {
  if (window.requestIdleCallback) {
    requestIdleCallback(goappInitServiceWorker, { timeout: 1000 });
  } else {
    setTimeout(goappInitServiceWorker, 0);
  }
}
