// Unknot service worker, version {{.Version}}.
const cacheName = "unknot-{{.Version}}"; // web/wasm-compile.js finds it by "unknot-"
const shell = {{UNKNOT_SHELL}};
// Each route's pre-rendered page, by its path: the page a navigation gets.
const pages = {{UNKNOT_PAGES}};
// The same pages in each other language, by language and path; pages are
// in the site's language.
const siteLanguage = {{UNKNOT_LANG}};
const langPages = {{UNKNOT_LANG_PAGES}};
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
  await Promise.all(keys.filter((k) => k !== cacheName && k !== languageCache).map((k) => caches.delete(k)));
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

// navigate answers a page load from the cache with the pre-rendered page of
// its route in the person's language (ignoring the query and fragment), or
// the shell for a route without one; the app's router then takes over the
// address.
async function navigate(url) {
  const cache = await caches.open(cacheName);
  const route = url.pathname.replace(/\/+$/, "") || "/";
  const inLanguage = langPages[language(url, await chosenLanguage())] || pages;
  const page = inLanguage[route] || pages[route];
  const hit = (page && await cache.match(page)) || await cache.match(shell);
  if (hit) {
    return hit;
  }
  return fetch(url.href);
}

// languageCache holds the language chosen in Settings, which the app keeps
// there (wasm/browser's RememberLanguage); the worker never deletes it.
const languageCache = "language-choice";

async function chosenLanguage() {
  const hit = await (await caches.open(languageCache)).match("/unknot-language");
  return hit ? await hit.text() : "";
}

// language is the language a page load reads, chosen as the app chooses
// (app/content's ChooseLanguage): the one chosen in Settings, the address's
// ?lang= (an embed's data-lang, a clinic's link), else the browser's
// languages. A tag names one of the app's languages itself or by its base
// ("de" for "de-AT").
function language(url, chosen) {
  const tags = [chosen, url.searchParams.get("lang") || ""].concat(self.navigator.languages || []);
  for (const raw of tags) {
    const tag = raw.trim().toLowerCase().replace(/_/g, "-");
    for (const lang of [tag, tag.split("-")[0]]) {
      if (lang && (lang === siteLanguage || langPages[lang])) {
        return lang;
      }
    }
  }
  return "";
}

async function fromCache(request) {
  const cache = await caches.open(cacheName);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) {
    return hit;
  }
  return fetch(request);
}
