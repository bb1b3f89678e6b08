// Package data holds Unknot's content: the triage questions and rules, the
// exercises and routines, and every word a person reads, per language under
// locale/<lang>/. It is embedded in both the server and the client; app/content
// decodes and validates it.
package data

import "embed"

// FS is the embedded content tree.
//
//go:embed *.json locale
var FS embed.FS
