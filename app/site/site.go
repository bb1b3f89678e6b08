//go:build !wasm

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/clinic"
	"unknot/app/content"
	"unknot/app/journal"
	"unknot/app/view"
	"unknot/data"
)

// siteOptions say what to build and where it will be served.
type siteOptions struct {
	WebDir string // the static assets, with app.wasm built into it
	Base   string // URL path prefix: "" for the root, or "/sub/path"
	// Clinic, when set, is baked into every page (unknot static -clinic).
	Clinic *clinic.Config
}

// asset is one file of the site, ready to serve in every encoding.
type asset struct {
	contentType string
	body        []byte
	br, gz      []byte // nil when compressing did not make it smaller
	etag        string // strong ETag of the identity body
	status      int
}

// site is the whole app as files in memory: the pre-rendered pages, go-app's
// scripts, the service worker, the manifest and everything under web/. The
// server serves it and `unknot static` writes it to disk, so both are the
// same bytes.
type site struct {
	base     string
	version  string
	assets   map[string]*asset // by URL path without the base prefix
	notFound *asset
}

// buildSite renders and compresses the whole site.
func buildSite(opt siteOptions) (*site, error) {
	base := strings.TrimRight(opt.Base, "/")
	if base != "" && !strings.HasPrefix(base, "/") {
		base = "/" + base
	}
	catalog, err := content.Load(data.FS)
	if err != nil {
		return nil, err
	}
	webFiles, err := readWebDir(opt.WebDir)
	if err != nil {
		return nil, err
	}
	wasm, ok := webFiles["/web/app.wasm"]
	if !ok {
		return nil, fmt.Errorf("%s/app.wasm is missing: build it first with `make build`", opt.WebDir)
	}

	clinicEnv := bakeClinic(opt.Clinic, webFiles)
	s := &site{base: base, assets: make(map[string]*asset), version: contentHash(webFiles)}
	styles := foldStylesheets(webFiles)
	text := catalog.Strings(content.DefaultLanguage)

	env := view.NewEnv(catalog, content.DefaultLanguage, base, view.PrerenderPlatform{}, &journal.Memory{})
	env.Clinic = view.ClinicMode{Config: opt.Clinic, Baked: opt.Clinic != nil}
	view.Register(env)
	view.Route(env, "/404")

	var resolver app.ResourceResolver = app.LocalDir("")
	if base != "" {
		resolver = subPathResolver{base: base}
	}
	shell := base + shellPath
	wasmHref := resolver.Resolve("/web/app.wasm")
	precache := []string{shell}
	for p := range webFiles {
		precache = append(precache, p)
	}
	sort.Strings(precache)

	h := &app.Handler{
		Name:            text.T("app.name"),
		ShortName:       text.T("app.name"),
		Title:           text.T("app.name"),
		Description:     text.T("app.description"),
		Lang:            content.DefaultLanguage,
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
		WasmContentLength:  strconv.Itoa(len(wasm)),
		CacheableResources: precache,
		// Not nil, so the browser decodes the list once rather than at every
		// navigation: go-app decodes it while it is nil, and "null" is nil.
		InternalURLs:          []string{},
		ServiceWorkerTemplate: workerWithShell(shell, resolver.Resolve("/")),
	}

	// render asks go-app for a page or for one of its own resources, by its
	// path without the base: go-app serves its resources at the root whatever
	// the base, and on the server it matches routes against the whole path
	// (GOAPP_ROOT_PREFIX is the browser's), while the resolver puts the base
	// into every address the page holds.
	render := func(p string) (*asset, error) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if rec.Code != http.StatusOK {
			return nil, fmt.Errorf("rendering %s: status %d", p, rec.Code)
		}
		body := rec.Body.Bytes()
		ct := rec.Header().Get("Content-Type")
		if strings.HasPrefix(ct, "text/html") {
			body = fixRootLinks(body, base)
			if body, err = preloadFirst(body, wasmPreload(wasmHref)); err != nil {
				return nil, fmt.Errorf("rendering %s: %w", p, err)
			}
			ct = "text/html; charset=utf-8"
		}
		return &asset{contentType: ct, body: body, status: http.StatusOK}, nil
	}
	for _, p := range []string{"/app.js", "/wasm_exec.js", "/app.css", "/app-worker.js"} {
		a, err := render(p)
		if err != nil {
			return nil, err
		}
		s.assets[p] = a
	}
	// go-app's own styles (its loader's), then Unknot's: see foldStylesheets.
	css := s.assets["/app.css"]
	css.body, css.contentType = slices.Concat(css.body, styles), contentTypeOf("/app.css")
	if s.assets["/app.js"].body, err = patchAppJS(s.assets["/app.js"].body, wasmHref); err != nil {
		return nil, err
	}
	if s.assets["/app.js"].body, err = registerWorkerLater(s.assets["/app.js"].body); err != nil {
		return nil, err
	}
	for _, p := range view.Paths() {
		a, err := render(p)
		if err != nil {
			return nil, err
		}
		s.assets[p] = a
	}
	shellPage, err := bareShell(s.assets["/"].body, wasmPreload(wasmHref), wasmStartScript(resolver.Resolve("/web/wasm-start.js")))
	if err != nil {
		return nil, err
	}
	s.assets[shellPath] = &asset{contentType: "text/html; charset=utf-8", body: shellPage, status: http.StatusOK}
	nf, err := render("/404")
	if err != nil {
		return nil, err
	}
	nf.status = http.StatusNotFound
	s.notFound = nf

	manifest, err := makeManifest(text, base)
	if err != nil {
		return nil, err
	}
	s.assets["/manifest.webmanifest"] = &asset{contentType: "application/manifest+json", body: manifest, status: http.StatusOK}

	for p, b := range webFiles {
		s.assets[p] = &asset{contentType: contentTypeOf(p), body: b, status: http.StatusOK}
	}
	// embed.js is also at the root, where clinics' snippets point: the frame's
	// address is derived from the script's own.
	if a, ok := s.assets["/web/embed.js"]; ok {
		s.assets["/embed.js"] = a
	}
	s.compress()
	return s, nil
}

// wasmPreload is the <head> link that starts downloading app.wasm while the
// page is still being parsed, rather than after the stylesheets and go-app's
// scripts have loaded and app.js asks for it (on the 20 Mbit/s, 40 ms link
// of make bench, 300 ms later). It is a CORS-mode fetch preload, the mode
// and credentials of app.js's own fetch, so the browser hands that fetch the
// preloaded response instead of downloading it twice.
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
// for a new one. Put first, app.wasm takes that connection, and the cold load
// of make bench was 100 ms faster (median of 9 interleaved pairs).
func preloadFirst(page []byte, preload string) ([]byte, error) {
	if bytes.Count(page, []byte(charsetMeta)) != 1 {
		return nil, errors.New("the page has no charset, or more than one, to put the app.wasm preload after")
	}
	return bytes.Replace(page, []byte(charsetMeta), afterCharset(preload), 1), nil
}

// shellPath is the page the service worker answers every navigation with,
// whatever the route: see bareShell.
const shellPath = "/app-shell.html"

// bareShell makes the worker's shell from the pre-rendered home page: the
// same head (stylesheets, scripts) and go-app's loader, but an empty root
// where the home page's content was, and app.wasm compiled on a worker
// (startScript, first thing in the head, where preloadFirst put preload)
// rather than preloaded for the page to compile: see wasmstart.go. go-app's
// loader covers the page until the app has drawn the route, and the app
// replaces the root rather than reusing it, so that content is never seen;
// yet the browser would parse it, lay it out and fetch and decode its images
// while app.wasm waits to start (on make bench's repeat load, about 100 ms).
func bareShell(home []byte, preload, startScript string) ([]byte, error) {
	// go-app writes attributes in no fixed order: find the loader by its id.
	start := bytes.Index(home, []byte("<body"))
	loader := bytes.Index(home, []byte(`id="app-wasm-loader"`))
	end := bytes.LastIndex(home[:max(loader, 0)], []byte("<aside"))
	if start < 0 || loader < 0 || end < start {
		return nil, errors.New("making the shell: the home page has no <body> followed by go-app's loader")
	}
	start += bytes.IndexByte(home[start:], '>') + 1
	head := home[:start]
	first := afterCharset(preload)
	if bytes.Count(head, first) != 1 {
		return nil, errors.New("making the shell: the home page's head does not start with the app.wasm preload")
	}
	head = bytes.Replace(head, first, afterCharset(startScript), 1)
	return slices.Concat(head, []byte("\n    <div></div>\n    "), home[end:]), nil
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

// readWebDir reads every asset under dir keyed by its URL path (/web/...),
// leaving out Go sources (the icon generator lives there).
func readWebDir(dir string) (map[string][]byte, error) {
	files := make(map[string][]byte)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || strings.HasSuffix(p, ".go") || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files["/web/"+filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", dir, err)
	}
	return files, nil
}

// contentHash is the site version: a hash of every web file, app.wasm (and
// with it the embedded content) included.
func contentHash(files map[string][]byte) string {
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	h := sha256.New()
	for _, p := range paths {
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(files[p]))
		h.Write(files[p])
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

func contentTypeOf(p string) string {
	switch path.Ext(p) {
	case ".wasm":
		return "application/wasm"
	case ".webmanifest":
		return "application/manifest+json"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	}
	if t := mime.TypeByExtension(path.Ext(p)); t != "" {
		return t
	}
	return "application/octet-stream"
}
