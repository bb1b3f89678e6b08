//go:build !wasm

package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// deps lists the packages pkg imports, directly or not, for the given GOOS
// and GOARCH ("" for the host).
func deps(t *testing.T, goos, goarch, pkg string) []string {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", pkg)
	cmd.Env = os.Environ()
	if goos != "" {
		cmd.Env = append(cmd.Env, "GOOS="+goos, "GOARCH="+goarch)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list %s: %v\n%s", pkg, err, out)
	}
	var list []string
	for _, l := range strings.Fields(string(out)) {
		if l != pkg {
			list = append(list, l)
		}
	}
	return list
}

// goList lists the packages matching pattern.
func goList(t *testing.T, pattern string) string {
	t.Helper()
	out, err := exec.Command("go", "list", pattern).CombinedOutput()
	if err != nil {
		t.Fatalf("go list %s: %v\n%s", pattern, err, out)
	}
	return string(out)
}

// allDeps lists every import, standard library included.
func allDeps(t *testing.T, goos, goarch, pkg string) []string {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps", pkg)
	cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH="+goarch)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list %s: %v\n%s", pkg, err, out)
	}
	return strings.Fields(string(out))
}

func TestImportRules(t *testing.T) {
	// The domain packages are pure: standard library, plus uuid for ids and
	// the shared helpers under app/internal (one located error, one strict
	// decoder), which import only the standard library themselves.
	for _, pkg := range []string{"unknot/app/triage", "unknot/app/routine", "unknot/app/journal", "unknot/app/clinic", "unknot/app/emergency"} {
		for _, d := range deps(t, "", "", pkg) {
			if d != "github.com/google/uuid" && !strings.HasPrefix(d, "unknot/app/internal/") {
				t.Errorf("%s imports %s; domain packages may import only the standard library, uuid and app/internal", pkg, d)
			}
		}
	}
	for _, pkg := range strings.Fields(goList(t, "unknot/app/internal/...")) {
		if d := deps(t, "", "", pkg); len(d) > 0 {
			t.Errorf("%s imports %v; the domain's shared helpers may import only the standard library", pkg, d)
		}
	}
	// content reads data through io/fs and knows only the domain packages.
	for _, d := range deps(t, "", "", "unknot/app/content") {
		if !strings.HasPrefix(d, "unknot/app/") && d != "github.com/google/uuid" {
			t.Errorf("unknot/app/content imports %s", d)
		}
	}
	// Only wasm/browser touches JavaScript, in the browser build too; and
	// nothing under app/ reaches for wasm/.
	cmd := exec.Command("go", "list", "-f", `{{.ImportPath}}: {{join .Imports " "}}`, "./...")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, ": ")
		for _, imp := range strings.Fields(imports) {
			if imp == "syscall/js" && pkg != "unknot/wasm/browser" {
				t.Errorf("%s imports syscall/js; only wasm/browser may", pkg)
			}
			if strings.HasPrefix(imp, "unknot/wasm") && pkg != "unknot/wasm" {
				t.Errorf("%s imports %s; only wasm/main.go wires the browser in", pkg, imp)
			}
		}
	}
	// The client carries no server code.
	for _, d := range allDeps(t, "js", "wasm", "unknot/wasm") {
		switch {
		case d == "net/http/httptest", d == "github.com/andybalholm/brotli", d == "github.com/chromedp/chromedp":
			t.Errorf("the wasm client links server package %s", d)
		case d == "unknot":
			t.Error("the wasm client links the server's main package")
		case d == "unknot/app/site":
			t.Error("the wasm client links unknot/app/site, the server's site")
		}
	}
}

// wasmGCFlags are the compiler flags of app.wasm beyond the build
// command; make bench builds its floor with them too.
const wasmGCFlags = "-gcflags=unknot/...=-l"

func TestMakefileBuildsTheClientWithWasmGCFlags(t *testing.T) {
	mk, err := os.ReadFile("Makefile")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(mk), "WASM_GCFLAGS := "+wasmGCFlags+"\n") || !strings.Contains(string(mk), "$(WASM_GCFLAGS) -o $(WASM) ./wasm") {
		t.Errorf("the Makefile does not build app.wasm with %s, as make bench builds its floor", wasmGCFlags)
	}
}
