// Package typeshelper answers small questions about typed syntax that
// several analyzers ask.
package typeshelper

import (
	"go/ast"
	"go/types"
)

// VarOf returns the variable or struct field an identifier or selector
// (x, pkg.X, s.f) denotes, or nil.
func VarOf(info *types.Info, e ast.Expr) *types.Var {
	v, _ := objectOf(info, e).(*types.Var)
	return v
}

// FuncOf returns the function or method an identifier or selector
// (F, pkg.F, x.M, T.M) denotes, or nil.
func FuncOf(info *types.Info, e ast.Expr) *types.Func {
	fn, _ := objectOf(info, e).(*types.Func)
	return fn
}

func objectOf(info *types.Info, e ast.Expr) types.Object {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.ObjectOf(x)
	case *ast.SelectorExpr:
		return info.Uses[x.Sel]
	}
	return nil
}
