package durations_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
	"time"

	"github.com/sigtermlint/sigtermlint/internal/assign"
	"github.com/sigtermlint/sigtermlint/internal/durations"
)

const src = `package p

import (
	"flag"
	"time"
)

const grace = 20 * time.Second

var (
	once     = 15 * time.Second
	twice    = time.Second
	fromFlag = flag.Duration("drain", 40*time.Second, "")
	bound    time.Duration
	secs     = 7
)

func init() {
	twice = 2 * time.Second
	flag.DurationVar(&bound, "bound", time.Minute, "")
}

func f(param time.Duration) {
	local := 3 * time.Second
	_ = []time.Duration{
		grace,                        // 20s
		grace + 5*time.Second,        // 25s
		once,                         // 15s
		twice,                        // unknown: assigned twice
		*fromFlag,                    // 40s
		bound,                        // 1m
		local,                        // 3s
		time.Duration(secs) * time.Second, // 7s
		2 * local,                    // 6s
		param,                        // unknown
		time.Duration(len([]int{1})), // unknown: not a constant
	}
}
`

func TestEval(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{},
		Defs:  map[*ast.Ident]types.Object{},
		Uses:  map[*ast.Ident]types.Object{},
	}
	conf := types.Config{Importer: importer.Default()}
	if _, err := conf.Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	files := []*ast.File{f}
	r := durations.NewResolver(info, files, assign.New(info, files))

	var lit *ast.CompositeLit
	ast.Inspect(f, func(n ast.Node) bool {
		if c, ok := n.(*ast.CompositeLit); ok && lit == nil {
			lit = c
		}
		return lit == nil
	})
	want := []struct {
		d  time.Duration
		ok bool
	}{
		{20 * time.Second, true},
		{25 * time.Second, true},
		{15 * time.Second, true},
		{0, false},
		{40 * time.Second, true},
		{time.Minute, true},
		{3 * time.Second, true},
		{7 * time.Second, true},
		{6 * time.Second, true},
		{0, false},
		{0, false},
	}
	if len(lit.Elts) != len(want) {
		t.Fatalf("%d elements, want %d", len(lit.Elts), len(want))
	}
	for i, e := range lit.Elts {
		d, ok := r.Eval(e)
		if ok != want[i].ok || (ok && d != want[i].d) {
			t.Errorf("element %d (line %d): got %v, %v; want %v, %v", i, fset.Position(e.Pos()).Line, d, ok, want[i].d, want[i].ok)
		}
	}
}
