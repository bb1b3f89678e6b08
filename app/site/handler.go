//go:build !wasm

package site

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"maps"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
)

// securityHeaders go on every response. The policy allows only the app's own
// origin, plus 'wasm-unsafe-eval' so the browser may compile app.wasm; data:
// images are for the clinic logo a clinic may give inline. It names only
// directives every engine knows: WebKit logs an error on every page for one
// it does not (manifest-src), and the manifest falls under default-src
// 'self' all the same.
var securityHeaders = map[string]string{
	"Content-Security-Policy": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
		"style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
		"media-src 'self'; worker-src 'self'; object-src 'none'; " +
		"base-uri 'self'; form-action 'self'",
	"Referrer-Policy":        "no-referrer",
	"X-Content-Type-Options": "nosniff",
	// Only features Chromium recognises: an unknown one is logged as an error.
	// Screen Wake Lock stays allowed for the routine player.
	"Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), " +
		"serial=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=()",
	"Cross-Origin-Opener-Policy": "same-origin",
}

// SecurityHeaders are the headers every response of the server carries, for
// a static host to send as well (the README's nginx configuration does).
func SecurityHeaders() map[string]string { return maps.Clone(securityHeaders) }

// asset is one file of the site, ready to serve in every encoding.
type asset struct {
	contentType string
	body        []byte
	gz          []byte                 // nil when compressing did not make it smaller
	br          atomic.Pointer[[]byte] // the same, and nil until it is ready (see CompressLater)
	etag        string                 // strong ETag of the identity body
	status      int
}

// newAsset is a file served as 200 with the content type of its path.
func newAsset(p string, body []byte) *asset {
	return &asset{contentType: contentTypeOf(p), body: body, status: http.StatusOK}
}

// brotli is the brotli body, or nil.
func (a *asset) brotli() []byte {
	if b := a.br.Load(); b != nil {
		return *b
	}
	return nil
}

// ServeHTTP serves the site from memory, precompressed.
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	for k, v := range securityHeaders {
		h.Set(k, v)
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	a := s.lookup(r.URL.Path)
	if alts := s.localized[a]; alts != nil {
		// The page's words follow the request; caches must keep one copy
		// per language.
		h.Set("Vary", "Accept-Encoding, Accept-Language")
		if alt := alts[s.requestLanguage(r)]; alt != nil {
			a = alt
		}
	}
	if a == s.assets["/web/app.wasm"] {
		h.Set("X-Uncompressed-Length", strconv.Itoa(len(a.body)))
	}
	a.serve(w, r)
}

// serve writes the asset in the encoding the request accepts (brotli, then
// gzip, else as is), answering a matching If-None-Match with 304.
func (a *asset) serve(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", a.contentType)
	h.Set("Cache-Control", "no-cache")
	if h.Get("Vary") == "" {
		h.Set("Vary", "Accept-Encoding")
	}
	body, enc := a.body, ""
	switch accepted, br := r.Header.Get("Accept-Encoding"), a.brotli(); {
	case br != nil && acceptsEncoding(accepted, "br"):
		body, enc = br, "br"
	case a.gz != nil && acceptsEncoding(accepted, "gzip"):
		body, enc = a.gz, "gzip"
	}
	etag := a.etag
	if enc != "" {
		h.Set("Content-Encoding", enc)
		etag = strings.TrimSuffix(etag, `"`) + "-" + enc + `"`
	}
	h.Set("ETag", etag)
	if a.status == http.StatusOK && r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(a.status)
	if r.Method == http.MethodGet {
		w.Write(body)
	}
}

// lookup finds the asset for a request path. Paths that are not files are
// the shell when they fall under a page with sub-paths (such as
// /routines/<id>), else the not-found page.
func (s *Site) lookup(p string) *asset {
	if s.base != "" {
		rest, ok := strings.CutPrefix(p, s.base)
		if !ok {
			return s.notFound
		}
		p = rest
	}
	if p == "" {
		p = "/"
	}
	if a, ok := s.assets[p]; ok {
		return a
	}
	if len(p) > 1 && strings.HasSuffix(p, "/") {
		if a, ok := s.assets[strings.TrimSuffix(p, "/")]; ok {
			return a
		}
	}
	return s.notFound
}

// requestLanguage is the language of Unknot's a page request reads: the
// address's ?lang= (an embed's data-lang, a clinic's link), else the
// browser's Accept-Language, as the app itself chooses once it runs
// (content.ChooseLanguage; the server cannot see a choice made in Settings,
// which the service worker honours on later visits).
func (s *Site) requestLanguage(r *http.Request) string {
	return s.catalog.ChooseLanguage("", r.URL.Query().Get("lang"), acceptLanguages(r.Header.Get("Accept-Language")))
}

// acceptLanguages lists the language tags of an Accept-Language header,
// most wanted first (by q, ties in the header's order), leaving out those
// refused with q=0 and the wildcard.
func acceptLanguages(header string) []string {
	type tag struct {
		name string
		q    float64
	}
	var tags []tag
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.TrimSpace(name)
		q := 1.0
		if v, ok := strings.CutPrefix(strings.ReplaceAll(params, " ", ""), "q="); ok {
			var err error
			if q, err = strconv.ParseFloat(v, 64); err != nil {
				continue
			}
		}
		if name == "" || name == "*" || q <= 0 {
			continue
		}
		tags = append(tags, tag{name, q})
	}
	slices.SortStableFunc(tags, func(a, b tag) int { return cmp.Compare(b.q, a.q) })
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = t.name
	}
	return out
}

// acceptsEncoding reports whether an Accept-Encoding header allows enc
// (and does not refuse it with q=0).
func acceptsEncoding(header, enc string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), enc) {
			continue
		}
		params = strings.ReplaceAll(params, " ", "")
		return params != "q=0" && params != "q=0.0" && params != "q=0.00" && params != "q=0.000"
	}
	return false
}

// ServeDir serves a static site from dir (as WriteStatic writes it, with
// .br/.gz siblings made by CompressDir or WriteStatic) the way a static host
// does: a path is its file, else its .html, else 404.html with status 404.
// The encoding and ETags are those of Site. make bench serves Unknot and its
// floor with it, read into memory first.
func ServeDir(dir string) (http.Handler, error) {
	d := &dirSite{files: map[string]*asset{}}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || strings.HasSuffix(p, ".br") || strings.HasSuffix(p, ".gz") {
			return err
		}
		body, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		a := newAsset(p, body)
		sum := sha256.Sum256(body)
		a.etag = `"` + hex.EncodeToString(sum[:12]) + `"`
		if b, err := os.ReadFile(p + ".br"); err == nil {
			a.br.Store(&b)
		}
		if b, err := os.ReadFile(p + ".gz"); err == nil {
			a.gz = b
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		d.files["/"+filepath.ToSlash(rel)] = a
		return nil
	})
	if err != nil {
		return nil, err
	}
	if d.files["/index.html"] == nil {
		return nil, fmt.Errorf("%s has no index.html", dir)
	}
	if nf := d.files["/404.html"]; nf != nil {
		d.notFound = &asset{contentType: nf.contentType, body: nf.body, gz: nf.gz, etag: nf.etag, status: http.StatusNotFound}
		d.notFound.br.Store(nf.br.Load())
	}
	return d, nil
}

// dirSite is a static site read from a directory (ServeDir).
type dirSite struct {
	files    map[string]*asset // by URL path
	notFound *asset
}

func (d *dirSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := path.Clean("/" + r.URL.Path)
	f := d.files[p]
	if p == "/" {
		f = d.files["/index.html"]
	}
	if f == nil {
		f = d.files[p+".html"]
	}
	if f == nil {
		if d.notFound == nil {
			http.NotFound(w, r)
			return
		}
		f = d.notFound
	}
	f.serve(w, r)
}
