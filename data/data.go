// Package data holds Unknot's content: the triage questions and rules, the
// exercises and routines, and every word a person reads, per language under
// locale/<lang>/. It is embedded in both the server and the client; app/content
// decodes and validates it.
//
// The browser decodes none of it: it comes compiled into Go, the words in
// Locales (locales_gen.go, written by gen_locales.go from locale/) and the
// triage rules, routines and emergency numbers in Triage, Routines and
// Emergency (content_gen.go, written by gen_content.go from the JSON files),
// so that app.wasm starts without decoding JSON. make build regenerates
// both; a test fails when either differs from what content.Load decodes.
//
// The emergency screen's number comes from two tables: emergency_numbers.json
// (the number to call for an ambulance per ISO 3166-1 country, kept by hand,
// each group with its source) and time_zones.json (time zone name to
// country). time_zones.json is generated from the machine's IANA tz database
// and never edited; go generate does not touch it, so a build does not depend
// on /usr/share/zoneinfo. After a tzdata update regenerate it with
//
//	cd data && go run gen_time_zones.go
//
// emergency_test.go checks both against the country names in
// locale/en/countries.json.
package data

import "embed"

// FS is the whole content tree, the words included: the server and the
// tests load and check it all.
//
//go:embed *.json locale
var FS embed.FS

// Words is one language's words: Keys sorted and each given once, Texts[i]
// the words for Keys[i] (content.NewStrings takes them as they are).
type Words struct {
	Lang  string
	Keys  []string
	Texts []string
}

//go:generate go run gen_locales.go
//go:generate go run gen_content.go
