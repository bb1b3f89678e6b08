//go:build !wasm

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStaticClinicErrorsNameTheField(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		json, want string
	}{
		{`{"name":"Riverside","booking":"http://riverside.example"}`, "booking:"},
		{`{"name":"Riverside","featured":["no_such_routine"]}`, "featured[0]:"},
		{`{"name":"Riverside","colour":"#000000"}`, "colour"},
		{`{"booking":"https://riverside.example"}`, "name:"},
		{`not json`, "-clinic"},
	} {
		file := filepath.Join(dir, "clinic.json")
		writeFile(t, file, tc.json)
		var stdout, stderr bytes.Buffer
		code := run([]string{"static", "-out", t.TempDir(), "-web", t.TempDir(), "-clinic", file}, strings.NewReader(""), &stdout, &stderr)
		if code != 2 || strings.Count(stderr.String(), "\n") != 1 || !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("%s: exit %d, stderr %q; want 2 and one line naming %q", tc.json, code, stderr.String(), tc.want)
		}
	}
	var stderr bytes.Buffer
	if code := run([]string{"static", "-out", t.TempDir(), "-clinic", filepath.Join(dir, "missing.json")}, nil, &bytes.Buffer{}, &stderr); code != 2 || !strings.Contains(stderr.String(), "missing.json") {
		t.Errorf("missing file: exit %d, %q", code, stderr.String())
	}
}

// TestEmbedScript reads embed.js for the promises it makes: it accepts
// messages from its own frame's window and origin only, of one shape with a
// bounded height; it inserts nothing but the frame (no markup from strings,
// no eval) and talks to no address but the app's.
func TestEmbedScript(t *testing.T) {
	b, err := os.ReadFile("web/embed.js")
	if err != nil {
		t.Fatal(err)
	}
	js := string(b)
	for _, want := range []string{
		"document.currentScript",
		`script.getAttribute("data-clinic") || script.getAttribute("data-config")`,
		`new URL("./", src)`,
		"event.origin !== frameOrigin || event.source !== frame.contentWindow",
		`data.type !== "unknot:height"`,
		`typeof height !== "number" || !isFinite(height) || height < MIN_HEIGHT || height > MAX_HEIGHT`,
		"var MIN_HEIGHT = 100;", "var MAX_HEIGHT = 20000;",
		`"allow", "screen-wake-lock; autoplay"`,
		`"loading", "lazy"`,
		"frame.title =",
		`"./?embed=1"`,
		`"clinic=" + config`,
		"/^[A-Za-z0-9_-]*={0,2}$/",
	} {
		if !strings.Contains(js, want) {
			t.Errorf("embed.js lacks %s", want)
		}
	}
	for _, bad := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "http://", "https://HOST/embed.js\" data"} {
		if strings.Contains(js, bad) && bad != "https://HOST/embed.js\" data" {
			t.Errorf("embed.js uses %s", bad)
		}
	}
	if len(b) > 6<<10 {
		t.Errorf("embed.js is %d bytes; keep it small", len(b))
	}
}
