//go:build !(js && wasm)

package view

import (
	"io/fs"
	"slices"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"unknot/app/content"
	"unknot/app/journal"
	"unknot/data"
	"unknot/wasm/browser"
)

// openLog is a content tree that records the files read from it.
type openLog struct {
	fs.FS
	opened []string
}

func (o *openLog) Open(name string) (fs.File, error) {
	o.opened = append(o.opened, name)
	return o.FS.Open(name)
}

func (o *openLog) ReadFile(name string) ([]byte, error) {
	o.opened = append(o.opened, name)
	return fs.ReadFile(o.FS, name)
}

// lazyEnv is an Env on a catalog from content.LoadLazily, as in the
// browser, over a tree that records what is decoded from it.
func lazyEnv(t *testing.T, base string) (*Env, *openLog) {
	t.Helper()
	words := make(map[string]content.Strings)
	for _, w := range data.Locales {
		s, err := content.NewStrings(w.Keys, w.Texts)
		if err != nil {
			t.Fatal(err)
		}
		words[w.Lang] = s
	}
	tree := &openLog{FS: data.BrowserFS}
	c, err := content.LoadLazily(tree, words)
	if err != nil {
		t.Fatal(err)
	}
	return NewEnv(c, "en", base, browser.New(), &journal.Memory{}), tree
}

// DecodeFor decodes, before a page is built, exactly the content its first
// screen decodes as it is built, one part after each call of between; a
// page's build then decodes nothing more.
func TestDecodeForDecodesWhatTheFirstScreenShows(t *testing.T) {
	paths := append(Paths(), "/routines/quick_relief")
	for _, path := range paths {
		built, builtTree := lazyEnv(t, "")
		page := pageFor(built, path)
		render(t, page)
		want := builtTree.opened

		before, tree := lazyEnv(t, "/base/")
		var seen [][]string
		DecodeFor(before, "/base"+path, func() { seen = append(seen, slices.Clone(tree.opened)) })
		got := slices.Clone(tree.opened)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: DecodeFor read %q; building the page reads %q", path, got, want)
		}
		for i, s := range seen {
			if i == 0 && len(s) > 0 || i > 0 && len(s) == len(seen[i-1]) {
				t.Errorf("%s: between was not called before each part: %q", path, seen)
				break
			}
		}
		tree.opened = nil
		render(t, pageFor(before, path))
		if len(tree.opened) > 0 {
			t.Errorf("%s: after DecodeFor, building the page still read %q", path, tree.opened)
		}
	}
}

// pageFor is the page go-app shows at an app path.
func pageFor(e *Env, path string) app.Composer {
	if isPlayerPath(path) {
		return &playerPage{Env: e}
	}
	for _, p := range pages {
		if p.path == path {
			return p.new(e)
		}
	}
	panic("no page at " + path)
}
