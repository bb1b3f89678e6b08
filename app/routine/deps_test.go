package routine

import (
	"go/build"
	"strings"
	"testing"
)

// TestStandardLibraryOnly keeps the domain free of go-app, syscall/js and
// other modules, so it builds and tests natively and stays small in wasm.
// The shared helpers under app/internal are allowed: they import only the
// standard library themselves (imports_test.go checks).
func TestStandardLibraryOnly(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range pkg.Imports {
		first, _, _ := strings.Cut(imp, "/")
		if strings.HasPrefix(imp, "unknot/app/internal/") {
			continue
		}
		if strings.Contains(first, ".") || first == "unknot" || imp == "syscall/js" {
			t.Errorf("package routine imports %q; it may import only the standard library", imp)
		}
	}
}
