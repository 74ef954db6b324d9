// Package objectof extends types.Info.ObjectOf to selectors: the
// variable, field or function that an identifier or a selector (x,
// pkg.X, s.f, x.M) denotes.
package objectof

import (
	"go/ast"
	"go/types"
	"strings"
)

// Var returns the variable or struct field an identifier or selector
// (x, pkg.X, s.f) denotes, or nil.
func Var(info *types.Info, e ast.Expr) *types.Var {
	v, _ := object(info, e).(*types.Var)
	return v
}

// Func returns the function or method an identifier or selector
// (F, pkg.F, x.M, T.M) denotes, or nil.
func Func(info *types.Info, e ast.Expr) *types.Func {
	fn, _ := object(info, e).(*types.Func)
	return fn
}

func object(info *types.Info, e ast.Expr) types.Object {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.ObjectOf(x)
	case *ast.SelectorExpr:
		return info.Uses[x.Sel]
	}
	return nil
}

// FuncName names fn the way messages show it: "server.Run",
// "(*http.Server).ListenAndServe", "(gin.Engine).Handler".
func FuncName(fn *types.Func) string {
	pkg := ""
	if fn.Pkg() != nil {
		pkg = fn.Pkg().Name() + "."
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return pkg + fn.Name()
	}
	t := sig.Recv().Type()
	star := ""
	if p, ok := t.(*types.Pointer); ok {
		t, star = p.Elem(), "*"
	}
	recv := types.TypeString(t, func(*types.Package) string { return "" })
	if i := strings.IndexByte(recv, '['); i >= 0 {
		recv = recv[:i] // drop type arguments: (*pkg.List).Push
	}
	return "(" + star + pkg + recv + ")." + fn.Name()
}

// IsInterfaceMethod reports whether fn is a method of an interface: a
// call of it is a dispatch, whose target is not known here.
func IsInterfaceMethod(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Recv() != nil && types.IsInterface(sig.Recv().Type())
}
