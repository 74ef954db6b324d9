package libbounds

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"time"
)

// ForPackage returns the libraries whose default bound is set in the
// package at path, usually none.
func ForPackage(path string) []*Bound {
	var out []*Bound
	for _, b := range All {
		if b.Source.Pkg == path {
			out = append(out, b)
		}
	}
	return out
}

// CodeDefault is a library's default bound as its own code sets it, in
// the version the program builds with: the table's Default was read from
// Versions only, and libraries change (kratos v2.8 stops with a 10s
// context, v2.9 with none).
type CodeDefault struct {
	D         time.Duration
	Unbounded bool   // the code sets no default, and zero means no deadline
	Where     string // "app.go:44", or "" when Unbounded
}

// ReadDefault reads b's default from its package's code, as Source
// describes it: the constant or the package variable named Name (set by
// its declaration or an assignment), or the constant assigned to Field
// (a local variable, or a key of a composite literal). False when the
// code does not say, and then the table's Default stands; for a Source
// with UnsetUnbounded, a Field assigned nowhere means no deadline.
func (b *Bound) ReadDefault(fset *token.FileSet, pkg *types.Package, info *types.Info, files []*ast.File) (CodeDefault, bool) {
	if b.Unbounded {
		return CodeDefault{}, false // nothing to read: the library sets no bound
	}
	src := b.Source
	where := func(pos token.Pos) string {
		p := fset.Position(pos)
		return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
	}
	duration := func(e ast.Expr) (time.Duration, bool) {
		tv, ok := info.Types[e]
		if !ok || tv.Value == nil {
			return 0, false
		}
		v, exact := constant.Int64Val(constant.ToInt(tv.Value))
		return time.Duration(v), exact
	}
	if src.Name != "" {
		switch obj := pkg.Scope().Lookup(src.Name).(type) {
		case *types.Const:
			v, exact := constant.Int64Val(constant.ToInt(obj.Val()))
			if exact {
				return CodeDefault{D: time.Duration(v), Where: where(obj.Pos())}, true
			}
		case *types.Var:
			return firstAssignment(files, func(lhs ast.Expr) bool {
				id, ok := lhs.(*ast.Ident)
				return ok && (info.Uses[id] == obj || info.Defs[id] == obj)
			}, duration, where)
		}
		return CodeDefault{}, false
	}
	if src.Field == "" {
		return CodeDefault{}, false
	}
	// A local name or a key is looked for only in the file that sets it
	// (other files may give another variable of that name a constant):
	// when the library moved the code, the table's Default stands.
	var inFile []*ast.File
	for _, f := range files {
		if filepath.Base(fset.Position(f.Pos()).Filename) == filepath.Base(src.File) {
			inFile = append(inFile, f)
		}
	}
	if len(inFile) == 0 {
		return CodeDefault{}, false
	}
	d, ok := firstAssignment(inFile, func(lhs ast.Expr) bool {
		id, ok := lhs.(*ast.Ident)
		return ok && id.Name == src.Field
	}, duration, where)
	if !ok && src.UnsetUnbounded {
		return CodeDefault{Unbounded: true}, true
	}
	return d, ok
}

// firstAssignment finds the first constant assigned to what match
// accepts: in an assignment, a var declaration, or a composite literal's
// key.
func firstAssignment(files []*ast.File, match func(ast.Expr) bool, duration func(ast.Expr) (time.Duration, bool), where func(token.Pos) string) (CodeDefault, bool) {
	var out CodeDefault
	found := false
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if found {
				return false
			}
			try := func(lhs, rhs ast.Expr) {
				if !found && match(lhs) {
					if d, ok := duration(rhs); ok {
						out, found = CodeDefault{D: d, Where: where(rhs.Pos())}, true
					}
				}
			}
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i := range n.Lhs {
						try(n.Lhs[i], n.Rhs[i])
					}
				}
			case *ast.ValueSpec:
				if len(n.Names) == len(n.Values) {
					for i := range n.Names {
						try(n.Names[i], n.Values[i])
					}
				}
			case *ast.KeyValueExpr:
				try(n.Key, n.Value)
			}
			return true
		})
		if found {
			break
		}
	}
	return out, found
}
