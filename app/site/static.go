//go:build !wasm

package site

import (
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// WriteStatic writes every file of the site under dir, for any static host:
// pages as <path>.html (the root as index.html, the worker's shell as
// itself), the not-found page as 404.html, each with .br/.gz siblings at the
// best compression (it finishes what Options.BrotliLater left). It returns
// the number of files written.
func (s *Site) WriteStatic(dir string) (int, error) {
	s.FinishCompressing(io.Discard)
	n := 0
	write := func(name string, a *asset) error {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		for _, f := range []struct {
			suffix string
			body   []byte
		}{{"", a.body}, {".br", a.brotli()}, {".gz", a.gz}} {
			if f.body == nil {
				continue
			}
			if err := os.WriteFile(p+f.suffix, f.body, 0o644); err != nil {
				return err
			}
			n++
		}
		return nil
	}
	for p, a := range s.assets {
		name := p
		switch {
		case p == "/":
			name = "/index.html"
		case strings.HasPrefix(a.contentType, "text/html") && path.Ext(p) != ".html":
			name = p + ".html"
		}
		if err := write(name, a); err != nil {
			return n, err
		}
	}
	return n, write("/404.html", s.notFound)
}
