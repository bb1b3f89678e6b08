//go:build !wasm

package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"unknot/app/clinic"
)

const testClinicJSON = `{"name":"Riverside Physio","accent":"#0f766e","phone":"+44 20 7946 0958",
 "booking":"https://riverside.example/book","country":"GB","featured":["quick_relief"]}`

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestStaticBakesTheClinicIn(t *testing.T) {
	web := testWeb(t)
	file := filepath.Join(t.TempDir(), "clinic.json")
	writeFile(t, file, testClinicJSON)
	c, err := LoadClinic(file)
	if err != nil {
		t.Fatal(err)
	}
	branded, err := Build(Options{WebDir: web, Base: "/back-care/", Clinic: c})
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if _, err := branded.WriteStatic(out); err != nil {
		t.Fatal(err)
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
	// Pre-rendered in English where the clinic names no language.
	if !strings.Contains(home, `<html lang="en">`) {
		t.Error("index.html is not <html lang=\"en\">")
	}
	// Branding is a different version of the site.
	plain, err := Build(Options{WebDir: web, Base: "/back-care/"})
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
	b, err := os.ReadFile(filepath.Join(repoWeb, "embed.js"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(web, "embed.js"), string(b))
	s, err := Build(Options{WebDir: web})
	if err != nil {
		t.Fatal(err)
	}
	rec := get(t, s, "GET", "/embed.js")
	if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/javascript") || rec.Body.String() != string(b) {
		t.Errorf("/embed.js: status %d, type %q", rec.Code, rec.Header().Get("Content-Type"))
	}
}

// A clinic's language is baked in: the pages are pre-rendered in it, marked
// with it, and the manifest names it.
func TestStaticBakesTheClinicsLanguage(t *testing.T) {
	c, err := clinic.Parse([]byte(`{"name": "Cabinet du Parc", "country": "FR", "lang": "fr"}`))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Build(Options{WebDir: testWeb(t), Clinic: &c})
	if err != nil {
		t.Fatal(err)
	}
	triage := string(s.assets["/triage"].body)
	for _, want := range []string{`<html lang="fr">`, "Appelez le 112"} {
		if !strings.Contains(triage, want) {
			t.Errorf("the pre-rendered check lacks %s", want)
		}
	}
	if strings.Contains(triage, "Check your back pain") {
		t.Error("the pre-rendered check is in English")
	}
	if m := string(s.assets["/manifest.webmanifest"].body); !strings.Contains(m, `"lang": "fr"`) {
		t.Errorf("the manifest does not name French: %.200s", m)
	}
}
