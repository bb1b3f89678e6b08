//go:build !wasm

package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"unknot/app/content"
	"unknot/data"
)

// runStatic implements `unknot static`: the same site as `unknot serve`,
// written as files for any static host, each with .br and .gz siblings.
func runStatic(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("static", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.String("out", "", "directory to write the site into (required)")
	base := fs.String("base", "/", "URL path the site is served under, e.g. /back-care/")
	web := fs.String("web", "web", "directory of static assets, with app.wasm")
	clinicFile := fs.String("clinic", "", "clinic configuration JSON to bake into every page")
	if err := fs.Parse(args); err != nil {
		return fail(stderr, "static", err)
	}
	if *out == "" {
		return fail(stderr, "static", fmt.Errorf("-out DIR is required"))
	}
	if !strings.HasPrefix(*base, "/") {
		return fail(stderr, "static", fmt.Errorf("-base must start with /, got %q", *base))
	}
	opt := siteOptions{WebDir: *web, Base: *base}
	if *clinicFile != "" {
		catalog, err := content.Load(data.FS)
		if err != nil {
			return fail(stderr, "static", err)
		}
		if opt.Clinic, err = loadClinic(*clinicFile, catalog); err != nil {
			return fail(stderr, "static", err)
		}
	}
	s, err := buildSite(opt)
	if err != nil {
		return fail(stderr, "static", err)
	}
	n, err := s.writeTo(*out)
	if err != nil {
		return fail(stderr, "static", err)
	}
	fmt.Fprintf(stdout, "wrote %d files for Unknot %s to %s\n", n, s.version, *out)
	return 0
}

// writeTo writes every asset under dir: pages as <path>.html (the root as
// index.html, the worker's shell as itself), the not-found page as
// 404.html, with .br/.gz siblings.
func (s *site) writeTo(dir string) (int, error) {
	n := 0
	write := func(name string, a *asset) error {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		for _, f := range []struct {
			suffix string
			body   []byte
		}{{"", a.body}, {".br", a.br}, {".gz", a.gz}} {
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
