//go:build !wasm

package site

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A server built with BrotliLater answers at once: app.wasm, when its best
// brotli is not in the cache yet, goes out as gzip until FinishCompressing
// has made it, then as brotli; the next start finds it in the cache.
func TestBrotliLaterServesGzipUntilBrotliIsReady(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir()) // an empty brotli cache
	web := testWeb(t)
	wasm := bytes.Repeat([]byte("\x00asm a larger wasm stand-in "), 12000)
	if len(wasm) < cacheAbove {
		t.Fatal("the stand-in is too small to be compressed later")
	}
	if err := os.WriteFile(filepath.Join(web, "app.wasm"), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	encoding := func(s *Site) string {
		t.Helper()
		rec := get(t, s, "GET", "/web/app.wasm", "Accept-Encoding", "br, gzip")
		if !bytes.Equal(decodedBody(t, rec), wasm) {
			t.Fatalf("app.wasm as %q does not decode to app.wasm", rec.Header().Get("Content-Encoding"))
		}
		return rec.Header().Get("Content-Encoding")
	}

	s, err := Build(Options{WebDir: web, BrotliLater: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := encoding(s); got != "gzip" {
		t.Errorf("before brotli is ready: Content-Encoding %q; want gzip", got)
	}
	if got := get(t, s, "GET", "/app.css", "Accept-Encoding", "br, gzip").Header().Get("Content-Encoding"); got != "br" {
		t.Errorf("small files wait for nothing: /app.css as %q; want br", got)
	}
	var log strings.Builder
	s.FinishCompressing(&log)
	if got := encoding(s); got != "br" {
		t.Errorf("after FinishCompressing: Content-Encoding %q; want br", got)
	}
	if !strings.Contains(log.String(), "/web/app.wasm") || !strings.Contains(log.String(), "gzip") || strings.Count(log.String(), "\n") != 2 {
		t.Errorf("FinishCompressing said %q; want a line saying app.wasm is compressed meanwhile served as gzip, and a line when done", log.String())
	}
	s.FinishCompressing(&log) // at once, and says nothing more
	if strings.Count(log.String(), "\n") != 2 {
		t.Errorf("a second FinishCompressing said more: %q", log.String())
	}

	// The next start takes the result from the cache and has nothing to do.
	again, err := Build(Options{WebDir: web, BrotliLater: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := encoding(again); got != "br" {
		t.Errorf("with the result cached: Content-Encoding %q; want br", got)
	}
	log.Reset()
	again.FinishCompressing(&log)
	if log.Len() != 0 {
		t.Errorf("nothing to compress, yet FinishCompressing said %q", log.String())
	}
}

// Without BrotliLater (unknot static, make bench) every file has its best
// brotli once Build returns.
func TestBuildCompressesEverythingAtOnce(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	web := testWeb(t)
	wasm := bytes.Repeat([]byte("\x00asm another stand-in "), 15000)
	if err := os.WriteFile(filepath.Join(web, "app.wasm"), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Build(Options{WebDir: web})
	if err != nil {
		t.Fatal(err)
	}
	if got := get(t, s, "GET", "/web/app.wasm", "Accept-Encoding", "br, gzip").Header().Get("Content-Encoding"); got != "br" {
		t.Errorf("Content-Encoding %q; want br", got)
	}
}
