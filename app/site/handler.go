//go:build !wasm

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// securityHeaders go on every response. The policy allows only the app's own
// origin, plus 'wasm-unsafe-eval' so the browser may compile app.wasm; data:
// images are for the clinic logo a clinic may give inline.
var securityHeaders = map[string]string{
	"Content-Security-Policy": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
		"style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
		"media-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; " +
		"base-uri 'self'; form-action 'self'",
	"Referrer-Policy":        "no-referrer",
	"X-Content-Type-Options": "nosniff",
	// Only features Chromium recognises: an unknown one is logged as an error.
	// Screen Wake Lock stays allowed for the routine player.
	"Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), " +
		"serial=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=()",
	"Cross-Origin-Opener-Policy": "same-origin",
}

// ServeHTTP serves the site from memory, precompressed.
func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
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
	h.Set("Vary", "Accept-Encoding")
	body, enc := a.body, ""
	switch accepted := r.Header.Get("Accept-Encoding"); {
	case a.br != nil && acceptsEncoding(accepted, "br"):
		body, enc = a.br, "br"
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
func (s *site) lookup(p string) *asset {
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

// runServe implements `unknot serve`.
func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	addr := fs.String("addr", "127.0.0.1:8000", "address to listen on")
	web := fs.String("web", "web", "directory of static assets, with app.wasm")
	if err := fs.Parse(args); err != nil {
		return fail(stderr, "serve", err)
	}
	if fs.NArg() > 0 {
		return fail(stderr, "serve", fmt.Errorf("unexpected argument %q", fs.Arg(0)))
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fail(stderr, "serve", err)
	}
	s, err := buildSite(siteOptions{WebDir: *web})
	if err != nil {
		ln.Close()
		return fail(stderr, "serve", err)
	}
	fmt.Fprintf(stdout, "Unknot %s is running at http://%s/\n", s.version, ln.Addr())
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fail(stderr, "serve", err)
	}
	return 0
}

// fail prints one line and returns the exit status for bad usage or failure.
func fail(stderr io.Writer, cmd string, err error) int {
	fmt.Fprintf(stderr, "unknot %s: %s\n", cmd, strings.ReplaceAll(err.Error(), "\n", " "))
	return 2
}
