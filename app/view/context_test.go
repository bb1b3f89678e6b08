//go:build !(js && wasm)

package view

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// asyncMethods are the app.Context methods whose work go-app drops when the
// context's element has been removed by the time it runs.
var asyncMethods = []string{"Async", "After", "Defer", "Dispatch", "Update"}

// TestHandlersNeverReportThroughTheirOwnContext reads app/view's source: an
// event handler's context belongs to the control that was tapped, which the
// tap's own render often removes (STYLE.md, habit 11). Work that reports
// back later (Async, After, Defer, Dispatch, Update) must go through the
// component's own context instead. The check follows the handler's context
// into the functions and methods of this package it is passed to, and stops
// where a function replaces it (the player's own(ctx)).
func TestHandlersNeverReportThroughTheirOwnContext(t *testing.T) {
	problems := handlerContextLeaks(t, ".")
	for _, p := range problems {
		t.Error(p)
	}
}

// handlerContextLeaks lists, for the Go files of dir, each place where an
// event handler's context is used for work that reports back later.
func handlerContextLeaks(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	funcs := map[string][]*ast.FuncDecl{} // functions and methods, by name
	var parsed []*ast.File
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, file)
		for _, d := range file.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				funcs[fd.Name.Name] = append(funcs[fd.Name.Name], fd)
			}
		}
	}
	if len(parsed) < 10 {
		t.Fatalf("read only %d files in %s", len(parsed), dir)
	}

	var problems []string
	seen := map[string]bool{}
	var follow func(body *ast.BlockStmt, tainted []string, trail string)
	follow = func(body *ast.BlockStmt, tainted []string, trail string) {
		// A context the function replaces is no longer the handler's.
		ast.Inspect(body, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok && as.Tok == token.ASSIGN {
				for _, l := range as.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						tainted = slices.DeleteFunc(tainted, func(s string) bool { return s == id.Name })
					}
				}
			}
			return true
		})
		isTainted := func(e ast.Expr) bool {
			id, ok := e.(*ast.Ident)
			return ok && slices.Contains(tainted, id.Name)
		}
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				// Its own parameters hide the names they reuse.
				inner := slices.Clone(tainted)
				for _, f := range n.Type.Params.List {
					for _, name := range f.Names {
						inner = slices.DeleteFunc(inner, func(s string) bool { return s == name.Name })
					}
				}
				if len(inner) > 0 {
					follow(n.Body, inner, trail)
				}
				return false
			case *ast.CallExpr:
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && isTainted(sel.X) && slices.Contains(asyncMethods, sel.Sel.Name) {
					problems = append(problems, fmt.Sprintf("%s: %s calls %s on the context of the control that was tapped; use the component's own",
						fset.Position(n.Pos()), trail, sel.Sel.Name))
				}
				name := ""
				switch fn := n.Fun.(type) {
				case *ast.Ident:
					name = fn.Name
				case *ast.SelectorExpr:
					name = fn.Sel.Name
				}
				for i, arg := range n.Args {
					if !isTainted(arg) {
						continue
					}
					for _, fd := range funcs[name] {
						param := contextParam(fd.Type, i)
						key := fmt.Sprintf("%p/%d", fd, i)
						if param == "" || seen[key] {
							continue
						}
						seen[key] = true
						follow(fd.Body, []string{param}, trail+" → "+name)
						delete(seen, key)
					}
				}
			}
			return true
		})
	}
	for _, file := range parsed {
		ast.Inspect(file, func(n ast.Node) bool {
			var ft *ast.FuncType
			var body *ast.BlockStmt
			switch fn := n.(type) {
			case *ast.FuncDecl:
				ft, body = fn.Type, fn.Body
			case *ast.FuncLit:
				ft, body = fn.Type, fn.Body
			}
			if body == nil || !isHandler(ft) {
				return true
			}
			if ctx := contextParam(ft, 0); ctx != "" {
				follow(body, []string{ctx}, "the handler at "+fset.Position(n.Pos()).String())
			}
			return true
		})
	}
	return problems
}

// isHandler reports whether ft is func(app.Context, app.Event).
func isHandler(ft *ast.FuncType) bool {
	var types []string
	for _, f := range ft.Params.List {
		for range max(1, len(f.Names)) {
			types = append(types, typeName(f.Type))
		}
	}
	return slices.Equal(types, []string{"app.Context", "app.Event"})
}

// contextParam is the name of ft's parameter i when it is an app.Context,
// else "".
func contextParam(ft *ast.FuncType, i int) string {
	n := 0
	for _, f := range ft.Params.List {
		names := f.Names
		if len(names) == 0 {
			names = []*ast.Ident{{Name: "_"}}
		}
		for _, name := range names {
			if n == i {
				if typeName(f.Type) == "app.Context" && name.Name != "_" {
					return name.Name
				}
				return ""
			}
			n++
		}
	}
	return ""
}

func typeName(e ast.Expr) string {
	if sel, ok := e.(*ast.SelectorExpr); ok {
		if x, ok := sel.X.(*ast.Ident); ok {
			return x.Name + "." + sel.Sel.Name
		}
	}
	return ""
}
