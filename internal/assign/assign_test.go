package assign_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/sigtermlint/sigtermlint/internal/assign"
)

const src = `package p

import "context"

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
	elems := []int{1}
	elems[0] = 2
	_, _, _, _, _, _, _ = zero, one, a, err, t, byPtr, elems
}

type hooks struct {
	stop  func()
	other func()
}

func stopNow() {}

func other() {}

var h = hooks{stop: stopNow}

var h2 = hooks{stopNow, other}

var h3 = &hooks{other: other}

func init() {
	h.other = other
	h3.other = stopNow
}

func contexts() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	twice, c1 := context.WithCancel(ctx)
	twice, c2 := context.WithCancel(ctx)
	go func() {
		lit := 1
		_ = lit
	}()
	_, _, _ = twice, c1, c2
}
`

// load type-checks src and returns its file, info and each variable
// and field by name (every name below is declared once).
func load(t *testing.T) (*ast.File, *types.Info, map[string]*types.Var) {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{file}, info); err != nil {
		t.Fatal(err)
	}
	vars := map[string]*types.Var{}
	for id, obj := range info.Defs {
		if v, ok := obj.(*types.Var); ok && id.Name != "_" && (v.IsField() || v.Parent() != nil) {
			if vars[id.Name] != nil && vars[id.Name] != v {
				t.Fatalf("%s declared twice: the test would pick one at random", id.Name)
			}
			vars[id.Name] = v
		}
	}
	return file, info, vars
}

// TestValues checks what assignments and declarations give variables,
// and how else they change.
func TestValues(t *testing.T) {
	file, info, vars := load(t)
	a := assign.New(info, []*ast.File{file})
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
		{"elems", 1, true, false, false, true},  // elems[0] = 2 touches elems
		{"other", 2, false, false, false, true}, // h.other = other, h3.other = stopNow: struct literals are not counted
	} {
		v := vars[tc.name]
		if v == nil {
			t.Fatalf("no variable %s", tc.name)
		}
		_, single := a.Single(v)
		_, zero := a.Zero(v)
		if got := len(a.Values(v)); got != tc.values || single != tc.single || zero != tc.zero || a.Opaque(v) != tc.opaque || a.Touched(v) != tc.touched {
			t.Errorf("%s: values %d single %v zero %v opaque %v touched %v; want %d %v %v %v %v",
				tc.name, got, single, zero, a.Opaque(v), a.Touched(v), tc.values, tc.single, tc.zero, tc.opaque, tc.touched)
		}
	}
	if vals := a.Values(vars["a"]); len(vals) != 1 || vals[0].Result != 1 || !vals[0].Define {
		t.Errorf("a: %+v, want result 1 of f(), defined", vals)
	}
	if z, ok := a.Zero(vars["zero"]); !ok || z.Expr != nil || z.Lhs.(*ast.Ident).Name != "zero" || z.Func.(*ast.FuncDecl).Name.Name != "use" {
		t.Errorf("zero: %+v, want its declaration in use", z)
	}
	if vals := a.Values(vars["lit"]); len(vals) != 1 || vals[0].Func == nil {
		t.Errorf("lit: %+v, want one value in a literal", vals)
	} else if _, ok := vals[0].Func.(*ast.FuncLit); !ok {
		t.Errorf("lit: given in %T, want the literal", vals[0].Func)
	}
	if vals := a.Values(vars["g"]); len(vals) != 1 || vals[0].Func != nil {
		t.Errorf("g: %+v, want one value at package level", vals)
	}
	written := map[*types.Var]bool{}
	for v := range a.Written() {
		written[v] = true
	}
	for _, name := range []string{"zero", "f", "addr", "other"} {
		if !written[vars[name]] {
			t.Errorf("%s is not Written", name)
		}
	}
	for _, name := range []string{"stop", "t"} {
		if written[vars[name]] {
			t.Errorf("%s is Written: only struct literals set it, or only its field is", name)
		}
	}
}

// TestKnown checks the complete lists of values, struct literals
// included, that signal lists and function-typed fields resolve
// through.
func TestKnown(t *testing.T) {
	file, info, vars := load(t)
	a := assign.New(info, []*ast.File{file})
	for _, tc := range []struct {
		name   string
		values int // -1: not known
	}{
		{"one", 1},
		{"inc", 1}, // increments are not followed
		{"a", -1},  // a result of a multi-value call
		{"addr", -1},
		{"elems", -1}, // an element written
		{"stop", 2},   // keyed and unkeyed literals
		{"other", 4},  // two literals, two assignments
		{"ctx", -1},
	} {
		vals, ok := a.Known(vars[tc.name])
		got := len(vals)
		if !ok {
			got = -1
		}
		if got != tc.values {
			t.Errorf("%s: %d known values, want %d", tc.name, got, tc.values)
		}
	}
	if fn := a.Callee(vars["stop"]); fn == nil || fn.Name() != "stopNow" {
		t.Errorf("stop calls %v, want stopNow", fn)
	}
	if fn := a.Callee(vars["other"]); fn != nil {
		t.Errorf("other calls %v, want none: it is given two functions", fn)
	}
	if call := a.FirstResultOf(vars["ctx"]); call == nil || call.Fun.(*ast.SelectorExpr).Sel.Name != "WithCancel" {
		t.Errorf("ctx comes from %v, want WithCancel", call)
	}
	if call := a.FirstResultOf(vars["twice"]); call != nil {
		t.Errorf("twice comes from one call, want none: it is defined twice")
	}
	if call := a.FirstResultOf(vars["cancel"]); call != nil {
		t.Errorf("cancel is a second result, yet comes from a call's first")
	}
}
