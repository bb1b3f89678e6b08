//go:build !wasm

package site

import (
	"bytes"
	"path"
	"sort"
	"strings"
)

// foldStylesheets takes every stylesheet directly under web/ out of
// webFiles and returns them as one: web/app.css (the design system) first,
// then the others (one per feature, and a baked clinic's brand) by name.
// The site serves them inside go-app's /app.css, the one stylesheet every
// page links, because on a repeat or offline start each stylesheet is a
// request the service worker answers while the page is busiest. Each keeps a
// comment with its file name, and its relative url()s are made relative to
// the root (see rebaseURLs). Stylesheets further down (none yet) would stay
// files.
func foldStylesheets(webFiles map[string][]byte) []byte {
	var names []string
	for p := range webFiles {
		if path.Dir(p) == "/web" && path.Ext(p) == ".css" {
			names = append(names, p)
		}
	}
	sort.Slice(names, func(i, j int) bool {
		if (names[i] == "/web/app.css") != (names[j] == "/web/app.css") {
			return names[i] == "/web/app.css"
		}
		return names[i] < names[j]
	})
	var out bytes.Buffer
	for _, p := range names {
		out.WriteString("\n/* " + strings.TrimPrefix(p, "/") + " */\n")
		out.Write(rebaseURLs(webFiles[p], "web/"))
		delete(webFiles, p)
	}
	return out.Bytes()
}

// rebaseURLs puts dir in front of every relative url() in css, for a
// stylesheet moved from dir to the directory above it. Addresses from the
// root, with a scheme (data:, https:) or only a fragment are left alone.
func rebaseURLs(css []byte, dir string) []byte {
	var out []byte
	for {
		i := bytes.Index(css, []byte("url("))
		if i < 0 {
			return append(out, css...)
		}
		i += len("url(")
		out = append(out, css[:i]...)
		css = css[i:]
		rest := bytes.TrimLeft(css, " \t\n")
		out = append(out, css[:len(css)-len(rest)]...)
		css = rest
		if len(css) > 0 && (css[0] == '"' || css[0] == '\'') {
			out = append(out, css[0])
			css = css[1:]
		}
		if relativeURL(css) {
			out = append(out, dir...)
		}
	}
}

// relativeURL reports whether the address at the start of s is relative to
// its stylesheet.
func relativeURL(s []byte) bool {
	if len(s) == 0 || s[0] == '/' || s[0] == '#' || s[0] == ')' || s[0] == '"' || s[0] == '\'' {
		return false
	}
	for _, c := range s {
		switch {
		case c == ':':
			return false // a scheme
		case c == '/' || c == ')' || c == '"' || c == '\'' || c == '?' || c == '#':
			return true
		}
	}
	return true
}
