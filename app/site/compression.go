//go:build !wasm

package site

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
)

// brotliQuality and brotliWindow give the smallest files brotli makes, at a
// cost of tens of seconds for app.wasm in pure Go: large results are kept in
// a cache keyed by the content's hash (see cachedBrotli).
const (
	brotliQuality = 11
	brotliWindow  = 24
	// cacheAbove is the size from which compressed results are cached.
	cacheAbove = 256 << 10
)

// compress fills in the ETag, gzip and brotli bodies of every asset,
// spreading the work over the CPUs. With later, the brotli of a large file
// not in the cache is left to FinishCompressing.
func (s *Site) compress(later bool) {
	seen := map[*asset]bool{}
	all := []*asset{s.notFound}
	for _, a := range s.assets {
		if !seen[a] {
			seen[a] = true
			all = append(all, a)
		}
	}
	var mu sync.Mutex
	s.later = &laterBrotli{done: make(chan struct{})}
	forEach(all, func(a *asset) {
		if !a.prepare(later) {
			mu.Lock()
			s.later.assets = append(s.later.assets, a)
			mu.Unlock()
		}
	})
	for p, a := range s.assets {
		if slices.Contains(s.later.assets, a) {
			s.later.paths = append(s.later.paths, p)
		}
	}
	sort.Strings(s.later.paths)
}

// forEach calls f for every asset, as many at once as there are CPUs.
func forEach(all []*asset, f func(*asset)) {
	work := make(chan *asset)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for a := range work {
				f(a)
			}
		}()
	}
	for _, a := range all {
		work <- a
	}
	close(work)
	wg.Wait()
}

// prepare sets the asset's ETag and compressed bodies. It reports false
// when, with later, the brotli body is left to be made (a large file not in
// the cache).
func (a *asset) prepare(later bool) bool {
	sum := sha256.Sum256(a.body)
	a.etag = `"` + hex.EncodeToString(sum[:12]) + `"`
	if !compressible(a.contentType) {
		return true
	}
	if b := gzipBytes(a.body); len(b) < len(a.body) {
		a.gz = b
	}
	var br []byte
	switch {
	case len(a.body) < cacheAbove:
		br = compressBrotli(a.body)
	case later:
		var ok bool
		if br, ok = fromBrotliCache(a.body); !ok {
			return false
		}
	default:
		br = cachedBrotli(a.body)
	}
	a.setBrotli(br)
	return true
}

// setBrotli serves br from now on, if it is smaller than the file.
func (a *asset) setBrotli(br []byte) {
	if len(br) < len(a.body) {
		a.br.Store(&br)
	}
}

// laterBrotli is the brotli left to FinishCompressing.
type laterBrotli struct {
	assets []*asset
	paths  []string // their paths, for the log
	once   sync.Once
	done   chan struct{}
}

// FinishCompressing makes the brotli bodies Options.BrotliLater left out,
// at the best setting, saying on log what it is doing; each is served from
// the moment it is ready. It returns when all are, at once when there were
// none, and may be called any number of times.
func (s *Site) FinishCompressing(log io.Writer) {
	l := s.later
	l.once.Do(func() {
		defer close(l.done)
		if len(l.assets) == 0 {
			return
		}
		start := time.Now()
		var size, gz int
		for _, a := range l.assets {
			size, gz = size+len(a.body), gz+len(a.gz)
		}
		fmt.Fprintf(log, "Compressing %s (%s) with brotli at its best setting in the background, a minute or two on a first start; until then it is served with gzip (%s).\n",
			strings.Join(l.paths, ", "), megabytes(size), megabytes(gz))
		forEach(l.assets, func(a *asset) { a.setBrotli(cachedBrotli(a.body)) })
		var br int
		for _, a := range l.assets {
			br += len(a.brotli())
		}
		fmt.Fprintf(log, "%s now served with brotli (%s), compressed in %s; later starts reuse it from the cache.\n",
			strings.Join(l.paths, ", "), megabytes(br), time.Since(start).Round(time.Second))
	})
	<-l.done
}

func megabytes(n int) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }

func compressible(contentType string) bool {
	for _, t := range []string{"image/png", "image/jpeg", "image/webp"} {
		if strings.HasPrefix(contentType, t) {
			return false
		}
	}
	return true
}

func compressBrotli(b []byte) []byte {
	var buf bytes.Buffer
	w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: brotliQuality, LGWin: brotliWindow})
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// brotliCacheFile is where the brotli of b is kept between runs, or "".
func brotliCacheFile(b []byte) string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(b)
	return filepath.Join(dir, "unknot", "br", fmt.Sprintf("%x-q%d-w%d.br", sum, brotliQuality, brotliWindow))
}

// fromBrotliCache is an earlier result for the same bytes, checked.
func fromBrotliCache(b []byte) ([]byte, bool) {
	name := brotliCacheFile(b)
	if name == "" {
		return nil, false
	}
	c, err := os.ReadFile(name)
	if err != nil || !decompressesTo(c, b) {
		return nil, false
	}
	return c, true
}

// cachedBrotli compresses b, reusing an earlier result for the same bytes
// from the user's cache directory. A cache that cannot be read or written
// only costs time: the result is computed and checked either way.
func cachedBrotli(b []byte) []byte {
	if c, ok := fromBrotliCache(b); ok {
		return c
	}
	c := compressBrotli(b)
	name := brotliCacheFile(b)
	if name != "" && os.MkdirAll(filepath.Dir(name), 0o755) == nil {
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

// CompressDir adds .br and .gz siblings to every file under dir, as
// WriteStatic does: at the best settings, for compressible types, and only
// where compressing makes the file smaller. make bench compresses its floor
// app with it.
func CompressDir(dir string) error {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".br") || strings.HasSuffix(p, ".gz") {
			return err
		}
		files = append(files, p)
		return nil
	})
	if err != nil {
		return err
	}
	var wg sync.WaitGroup
	errs := make(chan error, 2*len(files))
	for _, p := range files {
		if !compressible(contentTypeOf(p)) {
			continue
		}
		wg.Go(func() {
			b, err := os.ReadFile(p)
			if err != nil {
				errs <- err
				return
			}
			a := &asset{body: b, contentType: contentTypeOf(p)}
			a.prepare(false)
			if br := a.brotli(); br != nil {
				errs <- os.WriteFile(p+".br", br, 0o644)
			}
			if a.gz != nil {
				errs <- os.WriteFile(p+".gz", a.gz, 0o644)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
