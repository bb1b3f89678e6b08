//go:build !wasm

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"unknot/app/site"
)

// runServe implements `unknot serve`: it answers as soon as the site is
// built, and compresses what is slow to compress (app.wasm at brotli's best
// setting, the first time) in the background, saying so.
func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	addr := fs.String("addr", "127.0.0.1:8000", "address to listen on")
	web := fs.String("web", "web", "directory of static assets, with app.wasm")
	if err := fs.Parse(args); err != nil {
		return fail(stderr, "serve", err)
	}
	if fs.NArg() > 0 {
		return fail(stderr, "serve", fmt.Errorf("unexpected argument %q", fs.Arg(0)))
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fail(stderr, "serve", err)
	}
	s, err := site.Build(site.Options{WebDir: *web, BrotliLater: true})
	if err != nil {
		ln.Close()
		return fail(stderr, "serve", err)
	}
	fmt.Fprintf(stdout, "Unknot %s is running at http://%s/\n", s.Version(), ln.Addr())
	go s.FinishCompressing(stdout)
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fail(stderr, "serve", err)
	}
	return 0
}

// fail prints one line and returns the exit status for bad usage or failure.
func fail(stderr io.Writer, cmd string, err error) int {
	fmt.Fprintf(stderr, "unknot %s: %s\n", cmd, strings.ReplaceAll(err.Error(), "\n", " "))
	return 2
}
