//go:build !wasm

package site

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestSpacingComesFromTheScale keeps every margin, padding and gap of the
// stylesheets on the spacing scale of web/app.css (--space-1 to --space-6):
// a raw length is allowed only as 0, a 1px hairline, or in em (space that
// grows with its own text, such as a list's indent). Printed pages measure
// paper, in mm and pt.
func TestSpacingComesFromTheScale(t *testing.T) {
	files, err := filepath.Glob("../../web/*.css")
	if err != nil || len(files) < 6 {
		t.Fatalf("found the stylesheets %v (%v); want web/*.css", files, err)
	}
	for _, f := range files {
		css, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range rawSpacing(string(css)) {
			t.Errorf("web/%s line %d: %s: use a --space step", filepath.Base(f), p.line, p.decl)
		}
	}
}

// rawSpacing finds what it must, and only that.
func TestRawSpacingIsFound(t *testing.T) {
	css := `.a { margin: 0 auto; padding: var(--space-2) 1px; gap: 0 var(--space-4); }
.b { margin: 0 0 0.5em; padding: max(var(--space-4), env(safe-area-inset-left)); margin-top: calc(-1 * var(--space-2)); }
/* margin: 12px in a comment */
.c { padding: 10px 20px; }
.d { width: 12px; gap: 2rem; }
@media print { @page { margin: 12mm; } .e { margin: 0 0 3mm; padding: 2pt 4px; } }
.f { margin: -1px; margin-left: 3mm; }`
	var got []string
	for _, p := range rawSpacing(css) {
		got = append(got, fmt.Sprintf("%d %s", p.line, p.decl))
	}
	want := []string{"4 padding: 10px 20px", "5 gap: 2rem", "6 padding: 2pt 4px", "7 margin-left: 3mm"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("rawSpacing found\n%q\nwant\n%q", got, want)
	}
}

type spacingProblem struct {
	line int
	decl string
}

var (
	spacingDecl = regexp.MustCompile(`(?:^|[{;\s])((?:margin|padding)(?:-[a-z-]+)?|(?:row-|column-)?gap)\s*:\s*([^;{}]+)`)
	cssLength   = regexp.MustCompile(`(-?\d*\.?\d+)([a-z%]+)`)
	cssComment  = regexp.MustCompile(`(?s)/\*.*?\*/`)
	notNewline  = regexp.MustCompile(`[^\n]`)
	printBlock  = regexp.MustCompile(`@media print\s*\{|@page\s*\{`)
)

// rawSpacing lists the margin, padding and gap declarations in css that use
// a length off the scale.
func rawSpacing(css string) []spacingProblem {
	// Comments become blanks of the same length, keeping lines and offsets.
	css = cssComment.ReplaceAllStringFunc(css, func(c string) string { return notNewline.ReplaceAllString(c, " ") })
	var out []spacingProblem
	for _, m := range spacingDecl.FindAllStringSubmatchIndex(css, -1) {
		prop, value := css[m[2]:m[3]], strings.TrimSpace(css[m[4]:m[5]])
		paper := inPrint(css, m[2])
		for _, l := range cssLength.FindAllStringSubmatch(value, -1) {
			n, unit := strings.TrimPrefix(l[1], "-"), l[2]
			ok := unit == "em" || (unit == "px" && (n == "0" || n == "1")) || (paper && (unit == "mm" || unit == "pt"))
			if !ok {
				out = append(out, spacingProblem{line: strings.Count(css[:m[2]], "\n") + 1, decl: prop + ": " + value})
				break
			}
		}
	}
	return out
}

// inPrint reports whether offset i of css is inside an @media print or
// @page block.
func inPrint(css string, i int) bool {
	for _, b := range printBlock.FindAllStringIndex(css[:i], -1) {
		depth := 1
		for j := b[1]; j < len(css) && depth > 0; j++ {
			switch css[j] {
			case '{':
				depth++
			case '}':
				depth--
			}
			if j == i {
				return true
			}
		}
	}
	return false
}
