package typeshelper

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

func TestAssignments(t *testing.T) {
	const src = `package p

type T struct{ f int }

func (r *T) set() { r.f = 1 }

var g = 1

func f() (int, error) { return 0, nil }

func use() {
	var zero int
	zero = 2
	one := 3
	inc := 4
	inc++
	a, err := f()
	var t T
	t.f = 5
	var byPtr T
	byPtr.set()
	addr := 6
	_ = &addr
	_, _, _, _, _, _ = zero, one, a, err, t, byPtr
}
`
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{file}, info); err != nil {
		t.Fatal(err)
	}
	vars := map[string]*types.Var{} // every name below is declared once
	for id, obj := range info.Defs {
		if v, ok := obj.(*types.Var); ok && !v.IsField() {
			if vars[id.Name] != nil {
				t.Fatalf("%s declared twice: the test would pick one at random", id.Name)
			}
			vars[id.Name] = v
		}
	}
	a := IndexAssignments(info, []*ast.File{file}, nil)
	for _, tc := range []struct {
		name                 string
		values               int
		single, zero, opaque bool
		touched              bool
	}{
		{"g", 1, true, false, false, false},
		{"zero", 1, true, true, false, false}, // one value, but declared zero: Zero says so
		{"one", 1, true, false, false, false},
		{"inc", 1, false, false, true, true},
		{"a", 1, false, false, false, false}, // result 1 of f(): no whole value
		{"t", 0, false, true, false, true},   // t.f = 5 touches t
		{"byPtr", 0, false, true, false, true},
		{"addr", 1, false, false, true, true},
	} {
		v := vars[tc.name]
		if v == nil {
			t.Fatalf("no variable %s", tc.name)
		}
		_, single := a.Single(v)
		if got := len(a.Values[v]); got != tc.values || single != tc.single || a.Zero[v] != tc.zero || a.Opaque[v] != tc.opaque || a.Touched[v] != tc.touched {
			t.Errorf("%s: values %d single %v zero %v opaque %v touched %v; want %d %v %v %v %v",
				tc.name, got, single, a.Zero[v], a.Opaque[v], a.Touched[v], tc.values, tc.single, tc.zero, tc.opaque, tc.touched)
		}
	}
}
