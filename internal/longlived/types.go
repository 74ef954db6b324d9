package longlived

import (
	"go/ast"
	"go/constant"
	"go/types"

	"github.com/sigtermlint/sigtermlint/internal/objectof"
)

// Routers: the packages whose router types register routes.
var routerPkgs = map[string]bool{
	"net/http":                            true,
	ginPkg:                                true,
	"github.com/go-chi/chi/v5":            true,
	"github.com/go-chi/chi":               true,
	"github.com/gorilla/mux":              true,
	"github.com/labstack/echo/v4":         true,
	"github.com/julienschmidt/httprouter": true,
}

// isRouterType reports whether t is a router of a known package (or an
// interface of one, chi.Router): a type with registration methods.
func isRouterType(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || !routerPkgs[n.Obj().Pkg().Path()] {
		return false
	}
	if n.Obj().Pkg().Path() == "net/http" {
		return n.Obj().Name() == "ServeMux"
	}
	ms := types.NewMethodSet(types.NewPointer(n))
	if types.IsInterface(n) {
		ms = types.NewMethodSet(n)
	}
	for i := range ms.Len() {
		if registrations[ms.At(i).Obj().Name()] {
			return true
		}
	}
	return false
}

// isConstructor: a known router package's constructor (gin.Default(),
// chi.NewRouter(), mux.NewRouter(), echo.New()).
func isConstructor(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Recv() == nil && fn.Pkg() != nil && routerPkgs[fn.Pkg().Path()] && sig.Results().Len() == 1 && isRouterType(sig.Results().At(0).Type())
}

// isRegistration reports whether a call registers a route: a
// registration method of a router type.
func isRegistration(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && registrations[sel.Sel.Name]
}

// isHandlerValue reports whether a value can serve requests: a function
// (a handler func, a gin or echo handler), or a value with ServeHTTP.
func isHandlerValue(t types.Type) bool {
	if t == nil {
		return false
	}
	if _, ok := t.Underlying().(*types.Signature); ok {
		return true
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP")
	_, ok := obj.(*types.Func)
	return ok || isXNetWebsocket(t) // a concrete handler, or http.Handler itself
}

// serveHTTPOf returns the concrete ServeHTTP method of t, or nil (for an
// interface, which could be anything).
func serveHTTPOf(t types.Type) *types.Func {
	if t == nil || types.IsInterface(t) {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP")
	fn, _ := obj.(*types.Func)
	return fn
}

// returnsHandler: a function whose one result can serve requests.
func returnsHandler(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Results().Len() == 1 && (isHandlerValue(sig.Results().At(0).Type()) || isRouterType(sig.Results().At(0).Type()) || types.IsInterface(sig.Results().At(0).Type()))
}

// rootVar returns the variable a method chain starts from: r in
// r.Group("/api").GET(...).
func rootVar(info *types.Info, e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok {
				return nil
			}
			e = sel.X
		case *ast.Ident, *ast.SelectorExpr:
			if v := objectof.Var(info, x); v != nil {
				return v
			}
			if sel, ok := x.(*ast.SelectorExpr); ok {
				e = sel.X
				continue
			}
			return nil
		default:
			return nil
		}
	}
}

// routeOf returns the pattern of a chain like r.Path("/ws") or
// r.PathPrefix("/api"), "" when none.
func routeOf(info *types.Info, e ast.Expr) string {
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		for _, arg := range call.Args {
			if tv, ok := info.Types[arg]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
				return constant.StringVal(tv.Value)
			}
		}
	}
	return ""
}

// params returns the variables of a declaration's parameters, in order
// (nil for an unnamed one).
func params(info *types.Info, fd *ast.FuncDecl) []*types.Var {
	var vars []*types.Var
	for _, field := range fd.Type.Params.List {
		if len(field.Names) == 0 {
			vars = append(vars, nil)
		}
		for _, name := range field.Names {
			v, _ := info.Defs[name].(*types.Var)
			vars = append(vars, v)
		}
	}
	return vars
}
