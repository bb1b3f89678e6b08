//go:build !wasm

// Command unknot is Unknot's server side: it serves the app, writes it out
// as a static site, and runs the triage rules from the command line.
//
//	unknot serve  [-addr 127.0.0.1:8000] [-web web]
//	unknot static -out DIR [-base /sub/path/] [-clinic FILE] [-web web]
//	unknot triage [-answers FILE]
//
// Bad flags and failures print one line on stderr and exit with status 2.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = "usage: unknot serve|static|triage [flags] (see README.md)"

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, usage)
		return 2
	}
	switch args[0] {
	case "serve":
		return runServe(args[1:], stdout, stderr)
	case "static":
		return runStatic(args[1:], stdout, stderr)
	case "triage":
		return runTriage(args[1:], stdin, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprintln(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "unknot: unknown command %q; %s\n", args[0], usage)
		return 2
	}
}
