//go:build !wasm

package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserEmbedPlacesTheFrame: a clinic's page (on its own origin)
// loads embed.js in three ways, and the frame lands where a person would
// see it: right after the script in the body; at the end of the body when
// the script is in the head, as site builders' "add code to header" puts
// it; and inside the element named by data-target, wherever the script is.
func TestBrowserEmbedPlacesTheFrame(t *testing.T) {
	s := startServer(t, "web", "")
	script := `<script src="` + s.URL + `/embed.js" data-clinic="" async TARGET></script>`
	pages := map[string]string{
		"/in-body": `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>in body</title></head>
<body><p id="before">Before.</p>` + script + `<p id="after">After.</p><p id="last">Last.</p></body></html>`,
		"/in-head": `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>in head</title>` + script + `</head>
<body><p id="before">Before.</p><p id="last">Last.</p></body></html>`,
		"/target": `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>target</title>` +
			strings.Replace(script, "TARGET", `data-target="#unknot-here"`, 1) + `</head>
<body><p id="before">Before.</p><section id="unknot-here"><h2>Back care</h2></section><p id="last">Last.</p></body></html>`,
	}
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		page, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(strings.Replace(page, " TARGET", "", 1)))
	}))
	t.Cleanup(host.Close)

	ctx := newBrowser(t).Tab()
	for _, c := range []struct {
		page, where string
	}{
		{"/in-body", `f.previousElementSibling && f.previousElementSibling.tagName === "SCRIPT" && f.nextElementSibling && f.nextElementSibling.id === "after"`},
		{"/in-head", `f.parentElement === document.body && f.previousElementSibling && f.previousElementSibling.id === "last" && f.nextElementSibling === null`},
		{"/target", `f.parentElement && f.parentElement.id === "unknot-here" && f.previousElementSibling && f.previousElementSibling.tagName === "H2"`},
	} {
		runIn(t, ctx, "opening "+c.page, chromedp.Navigate(host.URL+c.page))
		eventually(t, ctx, "the frame on "+c.page, `document.querySelector("iframe.unknot-embed") !== null`)
		var ok bool
		var where string
		runIn(t, ctx, "where the frame is on "+c.page, chromedp.Evaluate(`(() => { const f = document.querySelector("iframe.unknot-embed"); return !!(`+c.where+`); })()`, &ok),
			chromedp.Evaluate(`(() => { const f = document.querySelector("iframe.unknot-embed"); return f.parentElement.tagName + " after " + (f.previousElementSibling ? f.previousElementSibling.tagName + "#" + f.previousElementSibling.id : "nothing"); })()`, &where))
		if !ok {
			t.Errorf("%s: the frame is in %s; want it where %s", c.page, where, c.where)
		}
		var src string
		runIn(t, ctx, "the frame's address", chromedp.Evaluate(`document.querySelector("iframe.unknot-embed").src`, &src))
		if !strings.HasPrefix(src, s.URL+"/?embed=1") {
			t.Errorf("%s: the frame shows %q; want the app at %s", c.page, src, s.URL)
		}
	}
}
