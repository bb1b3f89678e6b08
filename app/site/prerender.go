//go:build !wasm

package site

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/clinic"
	"unknot/app/content"
	"unknot/app/journal"
	"unknot/app/view"
)

// goappResources are go-app's own files, rendered by its Handler.
var goappResources = []string{"/app.js", "/wasm_exec.js", "/app.css", "/app-worker.js"}

// prerender asks go-app's Handler for its own resources and for every page,
// and makes the worker's shell and the not-found page: wasmLen is app.wasm's
// uncompressed length (for the loader's progress), styles the stylesheets
// under web/ folded into one (foldStylesheets).
func (s *Site) prerender(catalog *content.Catalog, c *clinic.Config, clinicEnv map[string]string, webFiles map[string][]byte, wasmLen int, styles []byte) error {
	env := view.NewEnv(catalog, siteLanguage(catalog, c), s.base, view.PrerenderPlatform{}, &journal.Memory{})
	env.Clinic = view.ClinicMode{Config: c, Baked: c != nil}
	view.Register(env)
	view.Route(env, "/404")

	var resolver app.ResourceResolver = app.LocalDir("")
	if s.base != "" {
		resolver = subPathResolver{base: s.base}
	}
	others := otherLanguages(catalog, c)
	h := s.goappHandler(env.Lang, env.Text, resolver, clinicEnv, webFiles, wasmLen, others)
	wasmHref := resolver.Resolve("/web/app.wasm")
	render := func(p string) (*asset, error) { return renderPage(h, p, s.base, wasmHref) }

	for _, p := range goappResources {
		a, err := render(p)
		if err != nil {
			return err
		}
		s.assets[p] = a
	}
	// go-app's own styles (its loader's), then Unknot's: see foldStylesheets.
	css := s.assets["/app.css"]
	css.body, css.contentType = slices.Concat(css.body, styles), contentTypeOf("/app.css")
	js := s.assets["/app.js"]
	var err error
	if js.body, err = patchAppJS(js.body, wasmHref); err != nil {
		return err
	}
	if js.body, err = registerWorkerLater(js.body); err != nil {
		return err
	}
	startScript := wasmStartScript(resolver.Resolve("/web/wasm-start.js"))
	for _, p := range view.Paths() {
		a, err := render(p)
		if err != nil {
			return err
		}
		s.assets[p] = a
		page, err := workerPage(a.body, wasmPreload(wasmHref), startScript)
		if err != nil {
			return fmt.Errorf("rendering %s: %w", p, err)
		}
		s.assets[workerPagePath(p)] = newAsset(workerPagePath(p), page)
	}
	shell, err := bareShell(s.assets["/"].body, wasmPreload(wasmHref), startScript)
	if err != nil {
		return err
	}
	s.assets[shellPath] = newAsset(shellPath, shell)
	if s.notFound, err = render("/404"); err != nil {
		return err
	}
	s.notFound.status = http.StatusNotFound
	return s.prerenderLanguages(catalog, env, others, resolver, clinicEnv, webFiles, wasmLen, startScript)
}

// otherLanguages are the languages besides the site's whose pages are
// pre-rendered too: every other one, unless a baked clinic names its
// language (the app then follows the clinic's, not the browser's).
func otherLanguages(catalog *content.Catalog, c *clinic.Config) []string {
	if c != nil && c.Lang != "" {
		return nil
	}
	site := siteLanguage(catalog, c)
	var out []string
	for _, l := range catalog.Languages() {
		if l != site {
			out = append(out, l)
		}
	}
	return out
}

// prerenderLanguages renders every page again in each of langs, as the
// worker's page of that language (langPagePath), and keeps each as the
// alternative of the site's page for a request in that language
// (Site.localized): before app.wasm has started, and without it, a person
// reads the warning signs in their language.
func (s *Site) prerenderLanguages(catalog *content.Catalog, site *view.Env, langs []string, resolver app.ResourceResolver, clinicEnv map[string]string, webFiles map[string][]byte, wasmLen int, startScript string) error {
	wasmHref := resolver.Resolve("/web/app.wasm")
	s.localized = make(map[*asset]map[string]*asset)
	for _, lang := range langs {
		env := view.NewEnv(catalog, lang, s.base, view.PrerenderPlatform{}, &journal.Memory{})
		env.Clinic = site.Clinic
		view.Register(env)
		h := s.goappHandler(env.Lang, env.Text, resolver, clinicEnv, webFiles, wasmLen, langs)
		for _, p := range view.Paths() {
			a, err := renderPage(h, p, s.base, wasmHref)
			if err != nil {
				return err
			}
			page, err := workerPage(a.body, wasmPreload(wasmHref), startScript)
			if err != nil {
				return fmt.Errorf("rendering %s in %s: %w", p, lang, err)
			}
			alt := newAsset(langPagePath(lang, p), page)
			s.assets[langPagePath(lang, p)] = alt
			if s.localized[s.assets[p]] == nil {
				s.localized[s.assets[p]] = make(map[string]*asset)
			}
			s.localized[s.assets[p]][lang] = alt
		}
	}
	// The routes go back to the site's language, as go-app keeps them.
	view.Register(site)
	return nil
}

// siteLanguage is the language of the pre-rendered pages and the manifest:
// a baked clinic's, else English (the app then follows the browser).
func siteLanguage(catalog *content.Catalog, c *clinic.Config) string {
	if c == nil {
		return content.DefaultLanguage
	}
	return catalog.ChooseLanguage("", c.Lang, nil)
}

// goappHandler is go-app's Handler for this site: its words, icons, the
// resolver for the base path, a content-hash version, and Unknot's service
// worker precaching the shell and every web file.
func (s *Site) goappHandler(lang string, text content.Strings, resolver app.ResourceResolver, clinicEnv map[string]string, webFiles map[string][]byte, wasmLen int, others []string) *app.Handler {
	shell := s.base + shellPath
	precache := []string{shell}
	pages := map[string]string{}
	langPages := map[string]map[string]string{}
	for _, p := range view.Paths() {
		route := strings.TrimSuffix(s.base+p, "/")
		if route == "" {
			route = "/"
		}
		pages[route] = s.base + workerPagePath(p)
		precache = append(precache, pages[route])
		for _, l := range others {
			if langPages[l] == nil {
				langPages[l] = map[string]string{}
			}
			langPages[l][route] = s.base + langPagePath(l, p)
			precache = append(precache, langPages[l][route])
		}
	}
	for p := range webFiles {
		precache = append(precache, p)
	}
	sort.Strings(precache)
	return &app.Handler{
		Name:            text.T("app.name"),
		ShortName:       text.T("app.name"),
		Title:           text.T("app.name"),
		Description:     text.T("app.description"),
		Lang:            lang,
		BackgroundColor: themeColor,
		ThemeColor:      themeColor,
		LoadingLabel:    text.T("app.loading"),
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-maskable-512.png",
			SVG:      "/web/icon.svg",
		},
		Env:                clinicEnv,
		Resources:          resolver,
		Version:            s.version,
		WasmContentLength:  strconv.Itoa(wasmLen),
		CacheableResources: precache,
		// Not nil, so the browser decodes the list once rather than at every
		// navigation: go-app decodes it while it is nil, and "null" is nil.
		InternalURLs:          []string{},
		ServiceWorkerTemplate: workerWithShell(shell, resolver.Resolve("/"), lang, pages, langPages),
		// Answers given to the check before app.wasm has started are kept
		// for it to take over (web/triage-early.js).
		RawHeaders: []string{`<script defer src="` + resolver.Resolve("/web/triage-early.js") + `"></script>`},
	}
}

// renderPage asks go-app for a page or for one of its own resources, by its
// path without the base: go-app serves its resources at the root whatever
// the base, and on the server it matches routes against the whole path
// (GOAPP_ROOT_PREFIX is the browser's), while the resolver puts the base
// into every address the page holds.
func renderPage(h http.Handler, p, base, wasmHref string) (*asset, error) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
	if rec.Code != http.StatusOK {
		return nil, fmt.Errorf("rendering %s: status %d", p, rec.Code)
	}
	body := rec.Body.Bytes()
	ct := rec.Header().Get("Content-Type")
	if strings.HasPrefix(ct, "text/html") {
		body = dropFalseBooleans(fixRootLinks(body, base))
		var err error
		if body, err = preloadFirst(body, wasmPreload(wasmHref)); err != nil {
			return nil, fmt.Errorf("rendering %s: %w", p, err)
		}
		ct = "text/html; charset=utf-8"
	}
	return &asset{contentType: ct, body: body, status: http.StatusOK}, nil
}

// wasmPreload is the <head> link that starts downloading app.wasm while the
// page is still being parsed, rather than after the stylesheets and go-app's
// scripts have loaded and app.js asks for it. It is a CORS-mode fetch
// preload, the mode and credentials of app.js's own fetch, so the browser
// hands that fetch the preloaded response instead of downloading it twice.
func wasmPreload(href string) string {
	return `<link rel="preload" href="` + href + `" as="fetch" crossorigin="anonymous" fetchpriority="high">`
}

// charsetMeta is the first element of every page go-app renders.
const charsetMeta = `<meta charset="UTF-8">`

// afterCharset is the start of a head with el right after the charset, as
// preloadFirst writes it and bareShell finds and rewrites it.
func afterCharset(el string) []byte { return []byte(charsetMeta + "\n    " + el) }

// preloadFirst puts preload right after the page's charset, ahead of every
// other request the head makes. go-app would put it last (RawHeaders): then
// the stylesheet took the connection the page arrived on and app.wasm waited
// for a new one; put first, app.wasm takes that connection.
func preloadFirst(page []byte, preload string) ([]byte, error) {
	if bytes.Count(page, []byte(charsetMeta)) != 1 {
		return nil, errors.New("the page has no charset, or more than one, to put the app.wasm preload after")
	}
	return bytes.Replace(page, []byte(charsetMeta), afterCharset(preload), 1), nil
}

// falseBoolean is a boolean attribute go-app writes as ="false" (Checked,
// Selected, Disabled set to false). To HTML the attribute's presence means
// true: without WebAssembly every radio of the check would start answered
// and every country selected.
var falseBoolean = regexp.MustCompile(` (checked|selected|disabled|hidden|readonly|required|multiple|open|autofocus)="false"`)

// bareARIA is an aria-* attribute go-app wrote without its value, as it
// writes every attribute set to "true"; to ARIA an empty value is not true.
var bareARIA = regexp.MustCompile(` (aria-[a-z]+)([ >/])`)

// dropFalseBooleans removes the boolean attributes that go-app wrote as
// false from a pre-rendered page, and gives the aria-* attributes it wrote
// bare their "true".
func dropFalseBooleans(html []byte) []byte {
	return bareARIA.ReplaceAll(falseBoolean.ReplaceAll(html, nil), []byte(` $1="true"$2`))
}

// subPathResolver puts go-app's own resources under the base path: /web/…,
// its scripts, worker and manifest, and the root. Unlike go-app's
// PrefixedLocation it leaves every other address alone: page links, which
// Unknot already builds under the base (Env.Href), fragments (#main), tel:
// and the like, which PrefixedLocation would prefix (or prefix twice) in the
// pre-rendered pages.
type subPathResolver struct{ base string }

func (r subPathResolver) Resolve(loc string) string {
	switch {
	case loc == "" || loc == "/":
		return r.base
	case strings.HasPrefix(loc, "/web/") || loc == "/web":
		return r.base + loc
	case strings.HasPrefix(loc, "web/") || loc == "web":
		return r.base + "/" + loc
	}
	switch loc {
	case "/app.js", "/wasm_exec.js", "/app.css", "/app-worker.js", "/manifest.webmanifest":
		return r.base + loc
	}
	return loc
}

// fixRootLinks adds the base prefix to the root-relative links go-app writes
// without resolving them (its own scripts, styles and manifest).
func fixRootLinks(html []byte, base string) []byte {
	if base == "" {
		return html
	}
	s := string(html)
	for _, p := range []string{"/app.js", "/wasm_exec.js", "/app.css", "/manifest.webmanifest"} {
		s = strings.ReplaceAll(s, `="`+p+`"`, `="`+base+p+`"`)
	}
	return []byte(s)
}
