//go:build !wasm

package main

import (
	"encoding/json"
	"strings"
)

// workerTemplate is Unknot's service worker, given to go-app as its
// ServiceWorkerTemplate: go-app fills in {{.Version}} (the content hash) and
// {{.ResourcesToCache}} (the shell and every file under web/, generated,
// never kept by hand); workerWithShell fills in the shell.
//
// Unlike go-app's stock worker it waits for the precache with
// event.waitUntil, fails the install (keeping the previous version) when any
// file cannot be fetched, answers every navigation from the cache whatever
// its query or fragment, and works under a sub-path (also where the host
// redirects the shell's address, as hosts with "pretty URLs" drop .html).
//
// Every navigation gets the one shell (see bareShell): go-app's loader
// covers the page until the app has rendered the route, so a page's own
// pre-rendered HTML would never be seen, and precaching each page would make
// the first visit download them all.
const workerTemplate = `// Unknot service worker, version {{.Version}}.
const cacheName = "unknot-{{.Version}}";
const shell = {{UNKNOT_SHELL}};
// go-app always lists the home page; the shell stands in for every page.
const resourcesToCache = {{.ResourcesToCache}}.filter((url) => url !== {{UNKNOT_ROOT}});

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

async function precache() {
  const cache = await caches.open(cacheName);
  await Promise.all(resourcesToCache.map(async (url) => {
    // "no-cache" revalidates with the server (ETags are content hashes, so a
    // new version is always fetched) but reuses what the page has just
    // downloaded: a first visit does not download app.wasm twice.
    let response = await fetch(new Request(url, { cache: "no-cache" }));
    if (!response.ok) {
      throw new Error("precaching " + url + " failed: HTTP " + response.status);
    }
    if (response.redirected) {
      // Some static hosts redirect /app-shell.html to /app-shell; the
      // browser refuses a redirected response as the answer to a page load,
      // so keep the final body and headers only.
      response = new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers });
    }
    await cache.put(url, response);
  }));
  await self.skipWaiting();
}

self.addEventListener("activate", (event) => {
  event.waitUntil(activate());
});

async function activate() {
  const keys = await caches.keys();
  await Promise.all(keys.filter((k) => k !== cacheName).map((k) => caches.delete(k)));
  await self.clients.claim();
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(navigate(url));
    return;
  }
  event.respondWith(fromCache(request));
});

// navigate answers a page load with the shell from the cache; its router
// shows the view of the address.
async function navigate(url) {
  const cache = await caches.open(cacheName);
  const hit = await cache.match(shell);
  if (hit) {
    return hit;
  }
  return fetch(url.href);
}

async function fromCache(request) {
  const cache = await caches.open(cacheName);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) {
    return hit;
  }
  return fetch(request);
}
`

// workerWithShell fills in the template's placeholders: the URL paths of
// the shell and of the home page, including the base prefix.
func workerWithShell(shell, root string) string {
	s, _ := json.Marshal(shell)
	r, _ := json.Marshal(root)
	return strings.NewReplacer("{{UNKNOT_SHELL}}", string(s), "{{UNKNOT_ROOT}}", string(r)).Replace(workerTemplate)
}
