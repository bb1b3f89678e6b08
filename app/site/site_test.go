//go:build !wasm

package site

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/andybalholm/brotli"

	"unknot/app/content"
	"unknot/app/view"
	"unknot/data"
)

// repoWeb is the repository's web/ directory.
const repoWeb = "../../web"

// testWeb is a web directory with the real assets and a small stand-in
// app.wasm, so server tests need no wasm build.
func testWeb(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, pattern := range []string{"*.css", "*.svg", "*.png", "ui/*.svg"} {
		files, _ := filepath.Glob(filepath.Join(repoWeb, pattern))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			rel, _ := filepath.Rel(repoWeb, f)
			dst := filepath.Join(dir, rel)
			os.MkdirAll(filepath.Dir(dst), 0o755)
			if err := os.WriteFile(dst, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	wasm := bytes.Repeat([]byte("\x00asm wasm stand-in "), 5000)
	if err := os.WriteFile(filepath.Join(dir, "app.wasm"), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

var (
	siteOnce sync.Once
	rootSite *Site
	siteErr  error
)

func testSite(t *testing.T) *Site {
	t.Helper()
	siteOnce.Do(func() { rootSite, siteErr = Build(Options{WebDir: testWeb(t)}) })
	if siteErr != nil {
		t.Fatal(siteErr)
	}
	return rootSite
}

func get(t *testing.T, h http.Handler, method, path string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// decodedBody is a response's body in the identity encoding.
func decodedBody(t *testing.T, rec *httptest.ResponseRecorder) []byte {
	t.Helper()
	body := rec.Body.Bytes()
	switch rec.Header().Get("Content-Encoding") {
	case "br":
		body, _ = io.ReadAll(brotli.NewReader(bytes.NewReader(body)))
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		body, _ = io.ReadAll(zr)
	}
	return body
}

func TestServeChoosesEncoding(t *testing.T) {
	s := testSite(t)
	for _, tc := range []struct{ accept, want string }{
		{"br, gzip, deflate", "br"},
		{"gzip, deflate", "gzip"},
		{"", ""},
		{"br;q=0, gzip", "gzip"},
		{"br;q=0, gzip;q=0", ""},
		{"identity", ""},
	} {
		rec := get(t, s, "GET", "/app.css", "Accept-Encoding", tc.accept)
		if got := rec.Header().Get("Content-Encoding"); got != tc.want {
			t.Errorf("Accept-Encoding %q: Content-Encoding = %q; want %q", tc.accept, got, tc.want)
		}
		if !bytes.Equal(decodedBody(t, rec), s.assets["/app.css"].body) {
			t.Errorf("Accept-Encoding %q: body does not decode to app.css", tc.accept)
		}
		if rec.Header().Get("Vary") != "Accept-Encoding" {
			t.Errorf("Vary = %q", rec.Header().Get("Vary"))
		}
	}
}

func TestServeWasm(t *testing.T) {
	s := testSite(t)
	rec := get(t, s, "GET", "/web/app.wasm", "Accept-Encoding", "br")
	if got := rec.Header().Get("Content-Type"); got != "application/wasm" {
		t.Errorf("Content-Type = %q; want application/wasm", got)
	}
	if got, want := rec.Header().Get("X-Uncompressed-Length"), "95000"; got != want {
		t.Errorf("X-Uncompressed-Length = %q; want %q", got, want)
	}
	if !strings.Contains(string(s.assets["/app.js"].body), `goappWasmContentLength = "95000"`) {
		t.Error("app.js does not carry the uncompressed wasm length for the progress bar")
	}
	// Every page starts the download first thing while it is parsed, on the
	// worker that compiles it (firstvisit.go), and preloads nothing: WebKit
	// would download a preload again for app.js's fetch.
	for _, p := range []string{"/", "/about", "/journal"} {
		page := string(s.assets[p].body)
		if !strings.Contains(page, "<head>\n    <meta charset=\"UTF-8\">\n    "+wasmStartScript("/web/wasm-start.js")) {
			t.Errorf("%s does not start app.wasm on a worker first thing in its head", p)
		}
		if strings.Contains(page, `rel="preload"`) {
			t.Errorf("%s still preloads app.wasm", p)
		}
	}
}

func TestServeSecurityHeadersEverywhere(t *testing.T) {
	s := testSite(t)
	for _, p := range []string{"/", "/about", "/no-such-page", "/web/app.wasm", "/app-worker.js"} {
		rec := get(t, s, "GET", p)
		for k, v := range securityHeaders {
			if got := rec.Header().Get(k); got != v {
				t.Errorf("%s: %s = %q; want %q", p, k, got, v)
			}
		}
	}
	csp := securityHeaders["Content-Security-Policy"]
	for _, want := range []string{"default-src 'self'", "'wasm-unsafe-eval'", "object-src 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP lacks %s", want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "http") {
		t.Errorf("CSP allows more than the app's own origin: %s", csp)
	}
}

func TestServeRoutesAndStatus(t *testing.T) {
	s := testSite(t)
	for _, tc := range []struct {
		method, path string
		status       int
		contentType  string
	}{
		{"GET", "/", 200, "text/html; charset=utf-8"},
		{"GET", "/about", 200, "text/html; charset=utf-8"},
		{"GET", "/about/", 200, "text/html; charset=utf-8"},
		{"GET", "/about?from=home", 200, "text/html; charset=utf-8"},
		{"GET", "/no-such-page", 404, "text/html; charset=utf-8"},
		{"HEAD", "/settings", 200, "text/html; charset=utf-8"},
		{"POST", "/", 405, ""},
		{"GET", "/manifest.webmanifest", 200, "application/manifest+json"},
		{"GET", "/app-worker.js", 200, "application/javascript"},
	} {
		rec := get(t, s, tc.method, tc.path)
		if rec.Code != tc.status {
			t.Errorf("%s %s: status %d; want %d", tc.method, tc.path, rec.Code, tc.status)
		}
		if tc.contentType != "" && !strings.HasPrefix(rec.Header().Get("Content-Type"), tc.contentType) {
			t.Errorf("%s %s: Content-Type %q; want %q", tc.method, tc.path, rec.Header().Get("Content-Type"), tc.contentType)
		}
		if tc.method == "HEAD" && rec.Body.Len() != 0 {
			t.Errorf("HEAD %s sent a body", tc.path)
		}
	}
}

func TestServeNotModified(t *testing.T) {
	s := testSite(t)
	first := get(t, s, "GET", "/app.css", "Accept-Encoding", "gzip")
	etag := first.Header().Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	again := get(t, s, "GET", "/app.css", "Accept-Encoding", "gzip", "If-None-Match", etag)
	if again.Code != http.StatusNotModified || again.Body.Len() != 0 {
		t.Errorf("revalidation: status %d with %d bytes; want 304 and none", again.Code, again.Body.Len())
	}
	br := get(t, s, "GET", "/app.css", "Accept-Encoding", "br", "If-None-Match", etag)
	if br.Code != http.StatusOK {
		t.Errorf("a gzip ETag revalidated a brotli response: status %d", br.Code)
	}
}

func TestWorkerPrecachesTheShellAndEveryFile(t *testing.T) {
	s := testSite(t)
	worker := string(s.assets["/app-worker.js"].body)
	for p := range s.assets {
		if strings.HasPrefix(p, "/web/") {
			if !strings.Contains(worker, `"`+p+`"`) {
				t.Errorf("the worker does not precache %s", p)
			}
		}
	}
	line, filter, _ := strings.Cut(worker[strings.Index(worker, "const resourcesToCache = ")+len("const resourcesToCache = "):], ".filter(")
	var resources []string
	if err := json.Unmarshal([]byte(line), &resources); err != nil {
		t.Fatalf("the precache list is not a JSON array: %v", err)
	}
	if !strings.Contains(worker, `const shell = "/app-shell.html";`) || !slices.Contains(resources, "/app-shell.html") {
		t.Error("the worker does not precache the shell")
	}
	if slices.Contains(resources, "/") && !strings.HasPrefix(filter, `(url) => url !== "/")`) {
		t.Error("the worker precaches the home page besides the shell")
	}
	for _, p := range view.Paths() {
		if !slices.Contains(resources, workerPagePath(p)) {
			t.Errorf("the worker does not precache the page of %s", p)
		}
		if !strings.Contains(worker, fmt.Sprintf(`%q:%q`, p, workerPagePath(p))) {
			t.Errorf("the worker does not answer %s with its page", p)
		}
	}
	for _, want := range []string{`const cacheName = "unknot-` + s.version + `"`, "event.waitUntil(precache())", `"/app.js"`, `"/app.css"`, `"/wasm_exec.js"`, `"/manifest.webmanifest"`} {
		if !strings.Contains(worker, want) {
			t.Errorf("worker lacks %s", want)
		}
	}
	if strings.Contains(worker, "{{") {
		t.Error("worker has an unfilled placeholder")
	}
	if strings.Contains(worker, "https://") || strings.Contains(worker, "github") {
		t.Error("worker refers to another origin")
	}
}

// The shell's worker (web/wasm-compile.js) reads app.wasm from the service
// worker's cache, which it finds by the start of its name.
func TestWasmCompileLooksInTheWorkersCache(t *testing.T) {
	s := testSite(t)
	worker := string(s.assets["/app-worker.js"].body)
	compile, err := os.ReadFile(filepath.Join(repoWeb, "wasm-compile.js"))
	if err != nil {
		t.Fatal(err)
	}
	const prefix = "unknot-"
	if !strings.Contains(worker, `const cacheName = "`+prefix+s.version+`"`) {
		t.Errorf("the service worker's cache is not named %s<version>", prefix)
	}
	if !strings.Contains(string(compile), `name.startsWith("`+prefix+`")`) {
		t.Errorf("web/wasm-compile.js does not look for the caches named %s…", prefix)
	}
}

// The shell is the home page without its content: the head that loads the
// app, with app.wasm compiled on a worker rather than preloaded, an empty
// root for go-app to replace, and go-app's loader.
func TestShellIsTheHomePageWithoutItsContent(t *testing.T) {
	s := testSite(t)
	home, shell := string(s.assets["/"].body), string(s.assets[shellPath].body)
	head, _, _ := strings.Cut(home, "<body>")
	head = strings.Replace(head, wasmPreload("/web/app.wasm"), `<script async id="unknot-wasm-start" src="/web/wasm-start.js"></script>`, 1)
	if !strings.HasPrefix(shell, head+"<body>") {
		t.Error("the shell's head is not the home page's with the worker's script first and no preload")
	}
	for _, f := range []string{"wasm-start.js", "wasm-compile.js"} {
		if _, err := os.Stat(filepath.Join(repoWeb, f)); err != nil {
			t.Errorf("the worker's scripts: %v", err)
		}
	}
	_, body, _ := strings.Cut(shell, "<body>")
	root, loader, ok := strings.Cut(body, `<aside`)
	if !ok {
		t.Fatal("the shell has no loader")
	}
	if !strings.Contains(loader, `id="app-wasm-loader"`) {
		t.Error("the shell's aside is not go-app's loader")
	}
	if strings.TrimSpace(root) != "<div></div>" {
		t.Errorf("the shell's root is %q; want an empty div", root)
	}
	if !strings.HasSuffix(home, loader) {
		t.Error("the shell's loader differs from the home page's")
	}
	if got := s.assets[shellPath].contentType; !strings.HasPrefix(got, "text/html") {
		t.Errorf("the shell is served as %s", got)
	}
}

// Each route's page, as the worker answers a navigation to it, is its
// pre-rendered page with the worker's start script in place of the preload:
// the real first screen, not an empty shell.
func TestWorkerPagesAreTheRealFirstScreens(t *testing.T) {
	s := testSite(t)
	for _, p := range view.Paths() {
		page, wp := string(s.assets[p].body), s.assets[workerPagePath(p)]
		if wp == nil {
			t.Fatalf("no worker page for %s", p)
		}
		want := strings.Replace(page, wasmPreload("/web/app.wasm"), `<script async id="unknot-wasm-start" src="/web/wasm-start.js"></script>`, 1)
		if string(wp.body) != want || !strings.Contains(want, `id="main"`) {
			t.Errorf("the worker's page for %s is not its pre-rendered page with the start script", p)
		}
	}
	if !strings.Contains(string(s.assets["/app-pages/triage.html"].body), `data-question="saddle_numbness"`) {
		t.Error("the worker's /triage has no warning-sign question")
	}
}

// go-app writes Checked(false) as checked="false", which HTML reads as
// checked: a pre-rendered page must carry no boolean attribute set false.
func TestPrerenderedPagesHaveNoFalseBooleans(t *testing.T) {
	s := testSite(t)
	for _, p := range view.Paths() {
		if m := falseBoolean.Find(s.assets[p].body); m != nil {
			t.Errorf("%s has %s", p, m)
		}
	}
	triage := string(s.assets["/triage"].body)
	if strings.Contains(triage, " checked") {
		t.Error("the pre-rendered check starts with an answer checked")
	}
	if !strings.Contains(triage, `class="early-call"`) || !strings.Contains(triage, `href="tel:112"`) {
		t.Error("the pre-rendered check has no call box with 112")
	}
	if !strings.Contains(triage, `src="/web/triage-early.js"`) {
		t.Error("the pre-rendered check does not keep early answers (web/triage-early.js)")
	}
	if got := dropFalseBooleans([]byte(`<input checked="false" type="radio"><option selected="false" value="GB"><button disabled="true" aria-pressed><main aria-busy aria-label="x">`)); string(got) != `<input type="radio"><option value="GB"><button disabled="true" aria-pressed="true"><main aria-busy="true" aria-label="x">` {
		t.Errorf("dropFalseBooleans: %s", got)
	}
}

func TestBareShellRefusesAPageWithoutTheLoaderOrThePreload(t *testing.T) {
	preload := wasmPreload("/web/app.wasm")
	for _, page := range []string{"", "<html><body><div>x</div></body></html>", `<aside id="app-wasm-loader"></aside><body>`, `<body><div id="app-wasm-loader"></div></body>`,
		`<head><meta charset="UTF-8"></head><body><aside id="app-wasm-loader"></aside></body>`,
		`<head>` + preload + `</head><body><aside id="app-wasm-loader"></aside></body>`,
		`<head>` + preload + `<meta charset="UTF-8"></head><body><aside id="app-wasm-loader"></aside></body>`} {
		if _, err := bareShell([]byte(page), wasmPreload("/web/app.wasm"), wasmStartScript("/web/wasm-start.js")); err == nil {
			t.Errorf("bareShell(%q) gave no error", page)
		}
	}
}

func TestManifestIsComplete(t *testing.T) {
	s := testSite(t)
	var m map[string]any
	if err := json.Unmarshal(s.assets["/manifest.webmanifest"].body, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "name", "short_name", "description", "start_url", "display", "theme_color", "background_color", "icons", "shortcuts"} {
		if _, ok := m[k]; !ok {
			t.Errorf("manifest lacks %s", k)
		}
	}
	if m["display"] != "standalone" {
		t.Errorf("display = %v", m["display"])
	}
	icons := m["icons"].([]any)
	purposes := map[string]bool{}
	for _, i := range icons {
		icon := i.(map[string]any)
		src := icon["src"].(string)
		if _, ok := s.assets[src]; !ok {
			t.Errorf("manifest icon %s is not served", src)
		}
		purposes[icon["sizes"].(string)+" "+icon["purpose"].(string)] = true
	}
	for _, want := range []string{"192x192 any", "512x512 any", "512x512 maskable", "any any"} {
		if !purposes[want] {
			t.Errorf("manifest lacks a %s icon", want)
		}
	}
	html := string(s.assets["/"].body)
	if strings.Contains(html, "githubusercontent") || strings.Contains(html, "https://raw") {
		t.Error("the page still points at go-app's GitHub icons")
	}
}

func TestStaticSiteUnderASubPath(t *testing.T) {
	web := testWeb(t)
	s, err := Build(Options{WebDir: web, Base: "/back-care/"})
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if _, err := s.WriteStatic(out); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"index.html", "index.html.br", "index.html.gz", "about.html", "app-shell.html", "404.html", "app-worker.js", "manifest.webmanifest", "web/app.wasm", "web/app.wasm.br", "web/app.wasm.gz", "app.css.br"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("static site lacks %s", f)
		}
	}
	html, _ := os.ReadFile(filepath.Join(out, "about.html"))
	if !bytes.Contains(html, []byte("<title>About Unknot · ")) {
		t.Errorf("about.html under a sub-path is not the about page: %.300s", html)
	}
	for _, want := range []string{`src="/back-care/app.js"`, `src="/back-care/wasm_exec.js"`, `href="/back-care/manifest.webmanifest"`, `href="/back-care/app.css"`, `href="/back-care/settings"`, `<script async id="unknot-wasm-start" src="/back-care/web/wasm-start.js">`} {
		if !bytes.Contains(html, []byte(want)) {
			t.Errorf("about.html lacks %s", want)
		}
	}
	worker, _ := os.ReadFile(filepath.Join(out, "app-worker.js"))
	if !bytes.Contains(worker, []byte(`"/back-care/app.css"`)) || !bytes.Contains(worker, []byte(`"/back-care/web/icon.svg"`)) || bytes.Contains(worker, []byte(`"/web/icon.svg"`)) {
		t.Error("the worker's precache list misses the sub-path")
	}
	for _, want := range []string{`const shell = "/back-care/app-shell.html";`, `.filter((url) => url !== "/back-care")`} {
		if !bytes.Contains(worker, []byte(want)) {
			t.Errorf("the worker lacks %s", want)
		}
	}
	manifest, _ := os.ReadFile(filepath.Join(out, "manifest.webmanifest"))
	if !bytes.Contains(manifest, []byte(`"start_url": "/back-care/"`)) {
		t.Errorf("manifest start_url is not under the sub-path: %s", manifest)
	}
}

func TestAcceptsEncoding(t *testing.T) {
	for _, tc := range []struct {
		header, enc string
		want        bool
	}{
		{"gzip, br", "br", true},
		{"GZIP", "gzip", true},
		{"br;q=0", "br", false},
		{"br; q=0.5", "br", true},
		{"gzip", "br", false},
		{"", "gzip", false},
	} {
		if got := acceptsEncoding(tc.header, tc.enc); got != tc.want {
			t.Errorf("acceptsEncoding(%q, %q) = %v; want %v", tc.header, tc.enc, got, tc.want)
		}
	}
}

// app.js takes the module the shell's worker compiled, and keeps go-app's
// own call for pages without it.
func TestAppJSInstantiatesTheWorkersModule(t *testing.T) {
	js := string(testSite(t).assets["/app.js"].body)
	for _, want := range []string{
		`const wasm = await unknotInstantiate(go.importObject, () => instantiateStreaming(`,
		`fetchWithProgress("/web/app.wasm", showProgress)`,
		"async function unknotInstantiate(",
		`document.getElementById("unknot-wasm-start")`,
	} {
		if !strings.Contains(js, want) {
			t.Errorf("app.js lacks %q", want)
		}
	}
	if strings.Contains(js, "await instantiateStreaming(") {
		t.Error("app.js still compiles app.wasm with go-app's call alone")
	}
	if strings.Contains(js, goappRun) || !strings.Contains(js, unknotRun) || !strings.Contains(js, "function unknotWhenBuilt(done) {") {
		t.Error("app.js removes go-app's loader as the program starts, not once it has built the page")
	}
}

// app.js registers the service worker after the program has drawn its first
// screen, not first thing while app.wasm loads.
func TestAppJSRegistersTheWorkerAfterTheFirstScreen(t *testing.T) {
	js := string(testSite(t).assets["/app.js"].body)
	if strings.Contains(js, goappRegisterNow) {
		t.Error("app.js still registers the service worker first thing")
	}
	started := strings.Index(js, "go.run(wasm.instance);")
	later := strings.Index(js, "unknotRegisterWorkerLater();")
	if started < 0 || later < started {
		t.Error("app.js does not register the service worker after starting the program")
	}
	if !strings.Contains(js, "function unknotRegisterWorkerLater() {") || !strings.Contains(js, "requestIdleCallback(goappInitServiceWorker") {
		t.Error("app.js lacks unknotRegisterWorkerLater")
	}
	if strings.Contains(js, goappUpdateCheck) || !strings.Contains(js, unknotNewWorker+"    newSW.addEventListener") || !strings.Contains(js, unknotUpdateCheck) {
		t.Error("app.js does not tell an update by whether another worker was already active")
	}
}

func TestRegisterWorkerLaterRefusesAnUnknownAppJS(t *testing.T) {
	for _, js := range []string{"", goappRegisterNow, goappNewWorker + goappUpdateCheck, goappRegisterNow + goappNewWorker,
		goappRegisterNow + goappRegisterNow + goappNewWorker + goappUpdateCheck} {
		if _, err := registerWorkerLater([]byte(js)); err == nil {
			t.Errorf("registerWorkerLater(%q) gave no error", js)
		}
	}
}

func TestPatchAppJSRefusesAnUnknownAppJS(t *testing.T) {
	for _, js := range []string{"", "const wasm = await WebAssembly.instantiateStreaming(fetch(url));",
		strings.ReplaceAll(goappInstantiate, "{{wasm}}", "/web/app.wasm"),
		strings.ReplaceAll(goappInstantiate, "{{wasm}}", "/web/app.wasm") + goappRun + goappRun} {
		if _, err := patchAppJS([]byte(js), "/web/app.wasm"); err == nil {
			t.Errorf("patchAppJS(%q) gave no error", js)
		}
	}
}

func TestPreloadFirstNeedsOneCharset(t *testing.T) {
	preload := wasmPreload("/web/app.wasm")
	got, err := preloadFirst([]byte("<head>\n    <meta charset=\"UTF-8\">\n    <title>x</title>"), preload)
	if want := "<head>\n    <meta charset=\"UTF-8\">\n    " + preload + "\n    <title>x</title>"; err != nil || string(got) != want {
		t.Errorf("preloadFirst = %q, %v; want %q", got, err, want)
	}
	for _, page := range []string{"<head><title>x</title></head>", `<meta charset="UTF-8"><meta charset="UTF-8">`} {
		if _, err := preloadFirst([]byte(page), preload); err == nil {
			t.Errorf("preloadFirst(%q) gave no error", page)
		}
	}
}

// A page request reads the language the app would choose: ?lang= first,
// then Accept-Language by preference; the worker has every page in every
// language, and answers by the same choice.
func TestPagesFollowTheRequestsLanguage(t *testing.T) {
	s := testSite(t)
	catalog, err := content.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	question := func(lang string) string { return catalog.Strings(lang).T("triage.q.saddle_numbness") }
	for _, tc := range []struct{ name, path, accept, want string }{
		{"German browser", "/triage", "de-DE,de;q=0.9,en;q=0.8", "de"},
		{"English first", "/triage", "en-US,de;q=0.9", "en"},
		{"by preference", "/triage", "it;q=1, fr;q=0.5, es;q=0.8", "es"},
		{"refused", "/triage", "de;q=0, fr", "fr"},
		{"unknown", "/triage", "ja-JP", "en"},
		{"none", "/triage", "", "en"},
		{"the address wins", "/triage?lang=fr", "de-DE", "fr"},
		{"home", "/", "es-MX", "es"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := get(t, s, http.MethodGet, tc.path, "Accept-Language", tc.accept)
			body := string(decodedBody(t, rec))
			if !strings.Contains(body, `<html lang="`+tc.want+`"`) {
				t.Errorf("Accept-Language %q: the page is not in %s", tc.accept, tc.want)
			}
			if tc.path == "/triage" && !strings.Contains(body, html.EscapeString(question(tc.want))) {
				t.Errorf("Accept-Language %q: the first warning sign is not asked in %s", tc.accept, tc.want)
			}
			if v := rec.Header().Get("Vary"); !strings.Contains(v, "Accept-Language") || !strings.Contains(v, "Accept-Encoding") {
				t.Errorf("Vary is %q", v)
			}
		})
	}
	if v := get(t, s, http.MethodGet, "/web/app.css").Header().Get("Vary"); v != "Accept-Encoding" {
		t.Errorf("a file that does not change with the language varies by %q", v)
	}
	worker := string(s.assets["/app-worker.js"].body)
	for _, lang := range catalog.Languages() {
		if lang == content.DefaultLanguage {
			continue
		}
		for _, p := range view.Paths() {
			a := s.assets[langPagePath(lang, p)]
			if a == nil || !strings.Contains(string(a.body), `<html lang="`+lang+`"`) {
				t.Fatalf("no %s page for %s", lang, p)
			}
			if !strings.Contains(worker, fmt.Sprintf(`%q:%q`, p, langPagePath(lang, p))) {
				t.Errorf("the worker does not answer %s in %s with its page", p, lang)
			}
		}
	}
	if !strings.Contains(worker, `const siteLanguage = "en";`) {
		t.Error("the worker does not know the site's language")
	}
}

func TestAcceptLanguages(t *testing.T) {
	for _, tc := range []struct {
		header string
		want   []string
	}{
		{"", nil},
		{"de-DE", []string{"de-DE"}},
		{"en;q=0.5, fr , de;q=0.8", []string{"fr", "de", "en"}},
		{"*, es;q=0.1, it;q=0", []string{"es"}},
		{"de;q=bad, fr", []string{"fr"}},
	} {
		if got := acceptLanguages(tc.header); !slices.Equal(got, tc.want) {
			t.Errorf("acceptLanguages(%q) = %q, want %q", tc.header, got, tc.want)
		}
	}
}
