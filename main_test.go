//go:build !wasm

package main

import (
	"bytes"
	"net"
	"strings"
	"testing"

	"unknot/app/site"
)

func TestCLIErrorsAreOneLineWithStatus2(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "usage"},
		{[]string{"fly"}, `unknown command "fly"`},
		{[]string{"serve", "-port", "80"}, "flag provided but not defined: -port"},
		{[]string{"serve", "-addr", busy.Addr().String()}, "address already in use"},
		{[]string{"serve", "-addr", "127.0.0.1:0", "-web", t.TempDir()}, "app.wasm is missing"},
		{[]string{"static"}, "-out DIR is required"},
		{[]string{"static", "-out", t.TempDir(), "-base", "sub"}, "-base must start with /"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(tc.args, strings.NewReader(""), &stdout, &stderr)
		if code != 2 {
			t.Errorf("%v: exit %d; want 2", tc.args, code)
		}
		msg := stderr.String()
		if strings.Count(msg, "\n") != 1 || !strings.Contains(msg, tc.want) {
			t.Errorf("%v: stderr %q; want one line containing %q", tc.args, msg, tc.want)
		}
		if stdout.Len() != 0 {
			t.Errorf("%v: wrote %q to stdout", tc.args, stdout.String())
		}
	}
}

// securityHeaders are the headers unknot serve sends, which the static
// hosting tests expect from nginx too.
var securityHeaders = site.SecurityHeaders()
