//go:build !wasm

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"unknot/app/clinic"
)

const testClinicJSON = `{"name":"Riverside Physio","accent":"#0f766e","phone":"+44 20 7946 0958",
 "booking":"https://riverside.example/book","country":"GB","featured":["quick_relief"]}`

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
		code := run([]string{"static", "-out", t.TempDir(), "-web", testWeb(t), "-clinic", file}, strings.NewReader(""), &stdout, &stderr)
		if code != 2 || strings.Count(stderr.String(), "\n") != 1 || !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("%s: exit %d, stderr %q; want 2 and one line naming %q", tc.json, code, stderr.String(), tc.want)
		}
	}
	var stderr bytes.Buffer
	if code := run([]string{"static", "-out", t.TempDir(), "-clinic", filepath.Join(dir, "missing.json")}, nil, &bytes.Buffer{}, &stderr); code != 2 || !strings.Contains(stderr.String(), "missing.json") {
		t.Errorf("missing file: exit %d, %q", code, stderr.String())
	}
}

func TestStaticBakesTheClinicIn(t *testing.T) {
	web := testWeb(t)
	file := filepath.Join(t.TempDir(), "clinic.json")
	writeFile(t, file, testClinicJSON)
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"static", "-out", out, "-web", web, "-base", "/back-care/", "-clinic", file}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	want, err := clinic.Parse([]byte(testClinicJSON))
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	// Pre-rendered in the clinic's name, with its phone and booking link.
	home := read("index.html")
	for _, s := range []string{`class="clinic-name">Riverside Physio<`, `href="tel:+442079460958"`, `href="https://riverside.example/book"`,
		`rel="noopener noreferrer"`, "clinic-branded"} {
		if !strings.Contains(home, s) {
			t.Errorf("index.html lacks %s", s)
		}
	}
	if strings.Contains(home, "/back-care/back-care") || !strings.Contains(home, `href="#main"`) || !strings.Contains(home, `href="/back-care/about"`) {
		t.Error("the pre-rendered page's links are not exactly once under the sub-path")
	}
	// The accent comes in the one stylesheet (see foldStylesheets), which
	// the worker precaches with the rest.
	if css := read("app.css"); !strings.Contains(css, "/* web/clinic-brand.css */\n:root { --clinic-accent: #0f766e; }\n") {
		t.Errorf("app.css lacks the clinic's accent:\n%.300s", css)
	}
	// The client gets the configuration in go-app's environment.
	if js := read("app.js"); !strings.Contains(js, `"`+clinicEnvKey+`":"`+clinic.Encode(want)+`"`) {
		t.Errorf("app.js does not carry %s", clinicEnvKey)
	}
	// Branding is a different version of the site.
	plain, err := buildSite(siteOptions{WebDir: web, Base: "/back-care/"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(read("app-worker.js"), plain.version) {
		t.Error("the branded site has the same version as the plain one")
	}
	if strings.Contains(string(plain.assets["/"].body), "clinic-name") {
		t.Error("the plain site shows a clinic")
	}
}

func TestEmbedScriptIsServedAtTheRoot(t *testing.T) {
	web := testWeb(t)
	b, err := os.ReadFile("web/embed.js")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(web, "embed.js"), string(b))
	s, err := buildSite(siteOptions{WebDir: web})
	if err != nil {
		t.Fatal(err)
	}
	rec := get(t, s, "GET", "/embed.js")
	if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/javascript") || rec.Body.String() != string(b) {
		t.Errorf("/embed.js: status %d, type %q", rec.Code, rec.Header().Get("Content-Type"))
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
