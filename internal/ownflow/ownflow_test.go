package ownflow

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/cfg"
)

const src = `package p

func f(c bool) {
	a()
	if c {
		b()
	}
	for i := 0; i < 2; i++ {
		d()
	}
	go e()
	defer g()
	func() { h() }()
	{
		k()
	}
	if c {
		return
	}
	m()
}

func fatal() {
	n()
	exit()
}
`

// calls returns the positions of the calls to each name in the file.
func calls(f *ast.File) map[string]token.Pos {
	pos := map[string]token.Pos{}
	ast.Inspect(f, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if id, ok := c.Fun.(*ast.Ident); ok {
				pos[id.Name] = c.Pos()
			}
		}
		return true
	})
	return pos
}

func TestAlways(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pos := calls(f)
	mayReturn := func(call *ast.CallExpr) bool {
		id, ok := call.Fun.(*ast.Ident)
		return !ok || id.Name != "exit"
	}
	graphs := map[string]*cfg.CFG{}
	for _, d := range f.Decls {
		fd := d.(*ast.FuncDecl)
		graphs[fd.Name.Name] = cfg.New(fd.Body, mayReturn)
	}
	for _, tc := range []struct {
		fn, call string
		want     bool
	}{
		{"f", "a", true},  // first statement
		{"f", "b", false}, // in a branch
		{"f", "d", false}, // in a loop
		{"f", "k", true},  // in a block of its own
		{"f", "m", false}, // after a conditional return
		{"fatal", "n", true},
		{"fatal", "exit", true}, // the call that never returns ends every path
	} {
		if got := Always(graphs[tc.fn], pos[tc.call]); got != tc.want {
			t.Errorf("Always(%s in %s) = %v, want %v", tc.call, tc.fn, got, tc.want)
		}
	}
}

func TestInspect(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	Inspect(f.Decls[0].(*ast.FuncDecl).Body, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if id, ok := c.Fun.(*ast.Ident); ok {
				seen = append(seen, id.Name)
			}
		}
		return true
	})
	// e, g and h run in another goroutine, at return, or in a literal.
	if got := strings.Join(seen, " "); got != "a b d k m" {
		t.Errorf("own calls: %s, want a b d k m", got)
	}
}

func TestTopLevel(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pos := calls(f)
	body := f.Decls[0].(*ast.FuncDecl).Body
	for call, want := range map[string]bool{"a": true, "b": false, "d": false, "e": false, "h": false, "k": false, "m": true} {
		if got := TopLevel(body, pos[call]); got != want {
			t.Errorf("TopLevel(%s) = %v, want %v", call, got, want)
		}
	}
}
