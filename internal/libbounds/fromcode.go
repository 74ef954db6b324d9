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
// context, v2.9 with none). ReadDefault reads it in the library's
// package; reach carries it to the programs in a package fact.
type CodeDefault struct {
	Library   string // Bound.Library
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
	d, ok := b.readDefault(fset, pkg, info, files)
	if !ok {
		return CodeDefault{}, false
	}
	d.Library = b.Library
	return d, true
}

func (b *Bound) readDefault(fset *token.FileSet, pkg *types.Package, info *types.Info, files []*ast.File) (CodeDefault, bool) {
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
	if field := structField(info, src.Field); field != nil {
		// A struct field: its constant values anywhere in the package
		// (a key of a literal, x.f = d), by the field itself, not its name.
		isField := func(e ast.Expr) bool {
			if sel, ok := e.(*ast.SelectorExpr); ok {
				e = sel.Sel
			}
			id, ok := e.(*ast.Ident)
			return ok && (info.Uses[id] == field || info.Defs[id] == field)
		}
		if d, ok := firstAssignment(files, isField, duration, where); ok {
			return d, true
		}
		if src.UnsetUnbounded && comparedWithZero(files, isField, info) {
			return CodeDefault{Unbounded: true}, true // set nowhere, and a deadline only when positive
		}
		return CodeDefault{}, false
	}
	// A local variable: looked for only in the file that sets it (other
	// files may give another variable of that name a constant); when the
	// library moved the code, the table's Default stands.
	var inFile []*ast.File
	for _, f := range files {
		if filepath.Base(fset.Position(f.Pos()).Filename) == filepath.Base(src.File) {
			inFile = append(inFile, f)
		}
	}
	return firstAssignment(inFile, func(lhs ast.Expr) bool {
		id, ok := lhs.(*ast.Ident)
		return ok && id.Name == src.Field
	}, duration, where)
}

// structField returns the package's struct field named name, or nil
// (when no struct declares one, or several do).
func structField(info *types.Info, name string) *types.Var {
	var found *types.Var
	for id, obj := range info.Defs {
		if v, ok := obj.(*types.Var); ok && v.IsField() && id.Name == name {
			if found != nil {
				return nil
			}
			found = v
		}
	}
	return found
}

// comparedWithZero reports whether the package tests the field against
// zero (x.f > 0, x.f != 0): the guard under which a library sets a
// deadline only when the field is set.
func comparedWithZero(files []*ast.File, isField func(ast.Expr) bool, info *types.Info) bool {
	found := false
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			b, ok := n.(*ast.BinaryExpr)
			if !ok || found {
				return !found
			}
			if tv, ok := info.Types[b.Y]; ok && tv.Value != nil && constant.Sign(tv.Value) == 0 && isField(b.X) {
				switch b.Op {
				case token.GTR, token.NEQ:
					found = true
				}
			}
			return true
		})
	}
	return found
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
