//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/andybalholm/brotli"
)

// brotliQuality and brotliWindow give the smallest files brotli makes:
// app.wasm is about 12% smaller than at quality 9. Pure-Go brotli needs
// tens of seconds for that on app.wasm, so large results are kept in a
// cache keyed by the content's hash (see cachedBrotli).
const (
	brotliQuality = 11
	brotliWindow  = 24
	// cacheAbove is the size from which compressed results are cached.
	cacheAbove = 256 << 10
)

// compress fills in the brotli and gzip bodies and the ETag of every asset,
// spreading the work over the CPUs.
func (s *site) compress() {
	all := make([]*asset, 0, len(s.assets)+1)
	for _, a := range s.assets {
		all = append(all, a)
	}
	all = append(all, s.notFound)

	work := make(chan *asset)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for a := range work {
				a.prepare()
			}
		}()
	}
	for _, a := range all {
		work <- a
	}
	close(work)
	wg.Wait()
}

func (a *asset) prepare() {
	sum := sha256.Sum256(a.body)
	a.etag = `"` + hex.EncodeToString(sum[:12]) + `"`
	if !compressible(a.contentType) {
		return
	}
	if b := brotliBytes(a.body); len(b) < len(a.body) {
		a.br = b
	}
	if b := gzipBytes(a.body); len(b) < len(a.body) {
		a.gz = b
	}
}

func compressible(contentType string) bool {
	switch {
	case bytes.HasPrefix([]byte(contentType), []byte("image/png")),
		bytes.HasPrefix([]byte(contentType), []byte("image/jpeg")),
		bytes.HasPrefix([]byte(contentType), []byte("image/webp")):
		return false
	}
	return true
}

func brotliBytes(b []byte) []byte {
	if len(b) >= cacheAbove {
		return cachedBrotli(b)
	}
	return compressBrotli(b)
}

func compressBrotli(b []byte) []byte {
	var buf bytes.Buffer
	w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: brotliQuality, LGWin: brotliWindow})
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// cachedBrotli compresses b, reusing an earlier result for the same bytes
// from the user's cache directory. A cache that cannot be read or written
// only costs time: the result is computed and checked either way.
func cachedBrotli(b []byte) []byte {
	sum := sha256.Sum256(b)
	dir, err := os.UserCacheDir()
	if err != nil {
		return compressBrotli(b)
	}
	name := filepath.Join(dir, "unknot", "br", fmt.Sprintf("%x-q%d-w%d.br", sum, brotliQuality, brotliWindow))
	if c, err := os.ReadFile(name); err == nil && decompressesTo(c, b) {
		return c
	}
	c := compressBrotli(b)
	if os.MkdirAll(filepath.Dir(name), 0o755) == nil {
		// A unique temporary name, then a rename: servers started together
		// never see each other's half-written file.
		if f, err := os.CreateTemp(filepath.Dir(name), "tmp-*"); err == nil {
			_, werr := f.Write(c)
			if cerr := f.Close(); werr == nil && cerr == nil {
				os.Rename(f.Name(), name)
			} else {
				os.Remove(f.Name())
			}
		}
	}
	return c
}

// decompressesTo reports whether the brotli stream c decodes to exactly b,
// so a damaged cache entry is never served.
func decompressesTo(c, b []byte) bool {
	got, err := io.ReadAll(brotli.NewReader(bytes.NewReader(c)))
	return err == nil && bytes.Equal(got, b)
}

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}
