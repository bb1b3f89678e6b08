// Package data holds Unknot's content: the triage questions and rules, the
// exercises and routines, and every word a person reads, per language under
// locale/<lang>/. It is embedded in both the server and the client; app/content
// decodes and validates it.
//
// The browser does not decode the words: they come compiled into Go, in
// Locales (locales_gen.go, written by gen_locales.go from locale/), so that
// app.wasm starts without reading 60 KB of JSON into a map. make build
// regenerates it; a test fails when it differs from locale/.
package data

import "embed"

// FS is the whole content tree, the words included: the server and the
// tests load and check it all.
//
//go:embed *.json locale
var FS embed.FS

// BrowserFS is the content tree without locale/: what app.wasm embeds and
// decodes (its words come from Locales).
//
//go:embed *.json
var BrowserFS embed.FS

// Words is one language's words: Keys sorted and each given once, Texts[i]
// the words for Keys[i] (content.NewStrings takes them as they are).
type Words struct {
	Lang  string
	Keys  []string
	Texts []string
}

//go:generate go run gen_locales.go
