//go:build !wasm

// Package site is Unknot's web site as a library: every page pre-rendered by
// go-app, go-app's scripts (patched), the service worker, the manifest, one
// stylesheet and everything under web/, held in memory and compressed.
// The server serves it (Site is an http.Handler) and `unknot static` writes
// it to disk (WriteStatic), so both are the same bytes.
//
// Build makes a Site from Options; LoadClinic reads a clinic's configuration
// to bake into it. app.wasm never links this package.
package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"unknot/app/clinic"
	"unknot/app/content"
	"unknot/data"
)

// Options say what to build and where it will be served.
type Options struct {
	WebDir string // the static assets, with app.wasm built into it
	Base   string // URL path prefix: "" or "/" for the root, or "/sub/path/"
	// Clinic, when set, is baked into every page (unknot static -clinic).
	Clinic *clinic.Config
	// BrotliLater leaves brotli at its best setting for large files (app.wasm)
	// whose result is not cached yet to CompressLater, so that a server can
	// answer at once, with gzip for those files meanwhile.
	BrotliLater bool
}

// Site is the whole app as files in memory.
type Site struct {
	base     string
	version  string
	assets   map[string]*asset // by URL path without the base prefix
	notFound *asset
	later    *laterBrotli
	// localized holds, for a route's page in the site's language, the same
	// page in each other language (prerenderLanguages), and catalog chooses
	// which a request reads (requestLanguage).
	localized map[*asset]map[string]*asset
	catalog   *content.Catalog
}

// Version is the site's content hash, which versions the service worker's
// cache.
func (s *Site) Version() string { return s.version }

// Build renders and compresses the whole site.
func Build(opt Options) (*Site, error) {
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
	s := &Site{base: base, assets: make(map[string]*asset), version: contentHash(webFiles), catalog: catalog}
	styles := foldStylesheets(webFiles)
	if err := s.prerender(catalog, opt.Clinic, clinicEnv, webFiles, len(wasm), styles); err != nil {
		return nil, err
	}
	s.startOnWorkerEverywhere()
	lang := siteLanguage(catalog, opt.Clinic)
	manifest, err := makeManifest(lang, catalog.Strings(lang), base)
	if err != nil {
		return nil, err
	}
	s.assets["/manifest.webmanifest"] = newAsset("/manifest.webmanifest", manifest)
	for p, b := range webFiles {
		s.assets[p] = newAsset(p, b)
	}
	// embed.js is also at the root, where clinics' snippets point: the frame's
	// address is derived from the script's own.
	if a, ok := s.assets["/web/embed.js"]; ok {
		s.assets["/embed.js"] = a
	}
	s.compress(opt.BrotliLater)
	return s, nil
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
