//go:build !wasm

package site

import (
	"bytes"
	"net/http"
	"path"
	"regexp"
	"strings"
	"testing"
)

func TestRebaseURLs(t *testing.T) {
	for in, want := range map[string]string{
		`.a { --icon: url(ui/home.svg); }`:            `.a { --icon: url(web/ui/home.svg); }`,
		`.a { background: url("x.png") }`:             `.a { background: url("web/x.png") }`,
		`.a { background: url( 'x.png' ) }`:           `.a { background: url( 'web/x.png' ) }`,
		`.a { background: url(/web/x.png) }`:          `.a { background: url(/web/x.png) }`,
		`.a { background: url(data:image/png;a) }`:    `.a { background: url(data:image/png;a) }`,
		`.a { background: url(https://x.test/a) }`:    `.a { background: url(https://x.test/a) }`,
		`.a { filter: url(#shadow) }`:                 `.a { filter: url(#shadow) }`,
		`.a { b: url(a.svg) } .c { d: url(b/c.svg) }`: `.a { b: url(web/a.svg) } .c { d: url(web/b/c.svg) }`,
		`.a { b: url() }`:                             `.a { b: url() }`,
		`.a { color: red }`:                           `.a { color: red }`,
	} {
		if got := string(rebaseURLs([]byte(in), "web/")); got != want {
			t.Errorf("rebaseURLs(%s) = %s; want %s", in, got, want)
		}
	}
}

// Every stylesheet under web/ is served inside /app.css, after go-app's own
// styles and in the order they used to be linked; none is a file of its own
// or a link of the pages.
func TestStylesheetsAreFoldedIntoAppCSS(t *testing.T) {
	s := testSite(t)
	css := string(s.assets["/app.css"].body)
	if ct := s.assets["/app.css"].contentType; ct != "text/css; charset=utf-8" {
		t.Errorf("/app.css Content-Type = %q", ct)
	}
	last := strings.Index(css, ".goapp-app-info")
	if last < 0 {
		t.Fatal("/app.css lacks go-app's loader styles")
	}
	for _, name := range []string{"web/app.css", "web/clinic.css", "web/journal.css", "web/player.css", "web/triage.css"} {
		i := strings.Index(css, "/* "+name+" */\n")
		if i < last {
			t.Errorf("/app.css lacks %s, or has it out of order", name)
		}
		last = i
		if _, ok := s.assets["/"+name]; ok {
			t.Errorf("%s is still served on its own", name)
		}
	}
	home := string(s.assets["/"].body)
	if n := strings.Count(home, `rel="stylesheet"`); n != 1 || !strings.Contains(home, `href="/app.css"`) {
		t.Errorf("the home page links %d stylesheets; want only /app.css", n)
	}
	// Whatever the stylesheets point at is served, from /app.css's place.
	urls := regexp.MustCompile(`url\(\s*["']?([^)"']+)`).FindAllStringSubmatch(css, -1)
	if len(urls) < 6 {
		t.Fatalf("found %d url()s in /app.css; want the navigation's icons at least", len(urls))
	}
	for _, m := range urls {
		p := path.Join("/", m[1])
		if rec := get(t, s, "GET", p); rec.Code != http.StatusOK || !bytes.HasPrefix(rec.Body.Bytes(), []byte("<svg")) {
			t.Errorf("/app.css points at %s, which is not served (status %d)", m[1], rec.Code)
		}
	}
}
