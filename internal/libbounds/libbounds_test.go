package libbounds_test

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/sigtermlint/sigtermlint/internal/libbounds"
	"github.com/sigtermlint/sigtermlint/internal/testmod"
)

// TestTable loads, from the modules testdata/libbounds requires, the
// package that holds each library's default, and checks the entry
// against the library's code: the version, the line, and the value.
func TestTable(t *testing.T) {
	dir := testmod.Module(t, "../..", "libbounds")
	var paths []string
	for _, b := range libbounds.All {
		paths = append(paths, b.Source.Pkg)
	}
	cfg := &packages.Config{
		Dir:   dir,
		Mode:  packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo | packages.NeedModule,
		Tests: false,
	}
	pkgs, err := packages.Load(cfg, paths...)
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]*packages.Package{}
	for _, p := range pkgs {
		for _, e := range p.Errors {
			t.Errorf("%s: %v", p.PkgPath, e)
		}
		byPath[p.PkgPath] = p
	}
	for _, b := range libbounds.All {
		t.Run(b.Library, func(t *testing.T) {
			p := byPath[b.Source.Pkg]
			if p == nil || p.Types == nil {
				t.Fatalf("package %s not loaded", b.Source.Pkg)
			}
			if p.Module == nil || p.Module.Path != b.Module || !slices.Contains(b.Versions, p.Module.Version) {
				t.Fatalf("package %s comes from %+v, want %s at one of %v", b.Source.Pkg, p.Module, b.Module, b.Versions)
			}
			file := filepath.Join(p.Module.Dir, filepath.FromSlash(b.Source.File))
			switch {
			case b.Unbounded:
				checkUnbounded(t, p, file, b)
			case b.Source.Name != "":
				checkNamed(t, p, file, b)
			default:
				checkLiteral(t, p, file, b)
			}
			checkReadDefault(t, p, b)
		})
	}
}

// checkNamed checks a constant declared at the line, or a package
// variable assigned its default there.
func checkNamed(t *testing.T, p *packages.Package, file string, b *libbounds.Bound) {
	obj := p.Types.Scope().Lookup(b.Source.Name)
	switch obj := obj.(type) {
	case *types.Const:
		if got := p.Fset.Position(obj.Pos()); got.Filename != file || got.Line != b.Source.Line {
			t.Errorf("%s is declared at %s, want %s:%d", b.Source.Name, got, file, b.Source.Line)
		}
		checkValue(t, b, obj.Val())
	case *types.Var:
		found := false
		inspectLine(p, file, b.Source.Line, func(n ast.Node) {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != len(as.Rhs) {
				return
			}
			for i, l := range as.Lhs {
				if id, ok := l.(*ast.Ident); ok && p.TypesInfo.Uses[id] == obj {
					found = true
					checkValue(t, b, p.TypesInfo.Types[as.Rhs[i]].Value)
				}
			}
		})
		if !found {
			t.Errorf("no assignment to %s at %s:%d", b.Source.Name, file, b.Source.Line)
		}
	default:
		t.Errorf("%s.%s is %v, want a constant or a variable", b.Source.Pkg, b.Source.Name, obj)
	}
}

// checkLiteral checks a literal assigned to Field at the line, in a
// composite literal (stopTimeout: 10 * time.Second) or a statement
// (timeout = 10 * time.Second).
func checkLiteral(t *testing.T, p *packages.Package, file string, b *libbounds.Bound) {
	found := false
	inspectLine(p, file, b.Source.Line, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok && id.Name == b.Source.Field {
				found = true
				checkValue(t, b, p.TypesInfo.Types[n.Value].Value)
			}
		case *ast.AssignStmt:
			if len(n.Lhs) == 1 && len(n.Rhs) == 1 {
				if id, ok := n.Lhs[0].(*ast.Ident); ok && id.Name == b.Source.Field {
					found = true
					checkValue(t, b, p.TypesInfo.Types[n.Rhs[0]].Value)
				}
			}
		}
	})
	if !found {
		t.Errorf("no literal assigned to %s at %s:%d", b.Source.Field, file, b.Source.Line)
	}
}

// checkUnbounded checks that the field is compared with 0 at the line
// (zero takes the path without a deadline) and that the package never
// assigns the field, so a zero the program leaves stays zero.
func checkUnbounded(t *testing.T, p *packages.Package, file string, b *libbounds.Bound) {
	if b.Default != 0 {
		t.Errorf("an unbounded entry has the default %v, want 0", b.Default)
	}
	compared := false
	inspectLine(p, file, b.Source.Line, func(n ast.Node) {
		be, ok := n.(*ast.BinaryExpr)
		if !ok || (be.Op != token.NEQ && be.Op != token.EQL) {
			return
		}
		if sel, ok := be.X.(*ast.SelectorExpr); ok && sel.Sel.Name == b.Source.Field {
			if v := p.TypesInfo.Types[be.Y].Value; v != nil && constant.Sign(v) == 0 {
				compared = true
			}
		}
	})
	if !compared {
		t.Errorf("no comparison of %s with 0 at %s:%d", b.Source.Field, file, b.Source.Line)
	}
	for _, f := range p.Syntax {
		ast.Inspect(f, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok {
				for _, l := range as.Lhs {
					if sel, ok := l.(*ast.SelectorExpr); ok && sel.Sel.Name == b.Source.Field {
						t.Errorf("%s assigns %s at %s: a zero the program leaves may not stay zero", b.Source.Pkg, b.Source.Field, p.Fset.Position(as.Pos()))
					}
				}
			}
			return true
		})
	}
}

// checkReadDefault checks that ReadDefault, which reach runs in the
// library's package to carry the default to programs, reads the
// table's default where Source says, and nothing for an unbounded
// entry (the table's Unbounded stands).
func checkReadDefault(t *testing.T, p *packages.Package, b *libbounds.Bound) {
	t.Helper()
	d, ok := b.ReadDefault(p.Fset, p.Types, p.TypesInfo, p.Syntax)
	if b.Unbounded {
		if ok {
			t.Errorf("ReadDefault read %+v from an unbounded library", d)
		}
		return
	}
	want := libbounds.CodeDefault{Library: b.Library, D: b.Default, Where: fmt.Sprintf("%s:%d", path.Base(b.Source.File), b.Source.Line)}
	if !ok || d != want {
		t.Errorf("ReadDefault = %+v, %v; want %+v", d, ok, want)
	}
}

func checkValue(t *testing.T, b *libbounds.Bound, v constant.Value) {
	t.Helper()
	if v == nil || v.Kind() != constant.Int {
		t.Errorf("the default at %s is not an integer constant: %v", b.Where(), v)
		return
	}
	n, exact := constant.Int64Val(v)
	if !exact || time.Duration(n) != b.Default {
		t.Errorf("the default at %s is %v, the table says %v", b.Where(), time.Duration(n), b.Default)
	}
}

// inspectLine calls f for each node of the file that starts at line.
func inspectLine(p *packages.Package, file string, line int, f func(ast.Node)) {
	for _, syn := range p.Syntax {
		if p.Fset.Position(syn.Pos()).Filename != file {
			continue
		}
		ast.Inspect(syn, func(n ast.Node) bool {
			if n == nil {
				return false
			}
			if p.Fset.Position(n.Pos()).Line == line {
				f(n)
			}
			return true
		})
	}
}
