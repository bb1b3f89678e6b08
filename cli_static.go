//go:build !wasm

package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"unknot/app/site"
)

// runStatic implements `unknot static`: the same site as `unknot serve`,
// written as files for any static host, each with .br and .gz siblings.
func runStatic(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("static", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.String("out", "", "directory to write the site into (required)")
	base := fs.String("base", "/", "URL path the site is served under, e.g. /back-care/")
	web := fs.String("web", "web", "directory of static assets, with app.wasm")
	clinicFile := fs.String("clinic", "", "clinic configuration JSON to bake into every page")
	if err := fs.Parse(args); err != nil {
		return fail(stderr, "static", err)
	}
	if *out == "" {
		return fail(stderr, "static", fmt.Errorf("-out DIR is required"))
	}
	if !strings.HasPrefix(*base, "/") {
		return fail(stderr, "static", fmt.Errorf("-base must start with /, got %q", *base))
	}
	opt := site.Options{WebDir: *web, Base: *base}
	if *clinicFile != "" {
		c, err := site.LoadClinic(*clinicFile)
		if err != nil {
			return fail(stderr, "static", err)
		}
		opt.Clinic = c
	}
	s, err := site.Build(opt)
	if err != nil {
		return fail(stderr, "static", err)
	}
	n, err := s.WriteStatic(*out)
	if err != nil {
		return fail(stderr, "static", err)
	}
	fmt.Fprintf(stdout, "wrote %d files for Unknot %s to %s\n", n, s.Version(), *out)
	return 0
}
