package longlived

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sigtermlint/sigtermlint/internal/durations"
	"github.com/sigtermlint/sigtermlint/internal/objectof"
)

// registrations are the methods that add a route to a router:
// net/http's ServeMux, gin, echo, chi, gorilla/mux.
var registrations = map[string]bool{
	"Handle": true, "HandleFunc": true, "Handler": true, "HandlerFunc": true,
	"GET": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true, "HEAD": true, "OPTIONS": true, "Any": true, "Match": true, "Add": true,
	"Get": true, "Post": true, "Put": true, "Patch": true, "Delete": true, "Head": true, "Options": true, "Connect": true, "Trace": true,
	"Method": true, "MethodFunc": true, "Mount": true,
}

// routes follows a server's handler to the handlers it serves.
type routes struct {
	c      *Classifier
	durs   *durations.Resolver
	server *Server
	seen   map[any]bool
}

func (r *routes) incomplete() { r.server.Complete = false }

// handler follows a handler expression; top says it is the server's
// own Handler (where http.TimeoutHandler bounds every request).
func (r *routes) handler(e ast.Expr, route string, top bool) {
	info := r.c.pass.TypesInfo
	if e == nil {
		if top {
			r.defaultMux()
		}
		return
	}
	e = ast.Unparen(e)
	if r.seen[e] {
		return
	}
	r.seen[e] = true
	if isXNetWebsocket(info.TypeOf(e)) {
		r.add(route, e, &Summary{Sites: []Site{r.c.site(Hijack, "websocket.Handler", e.Pos())}})
		return
	}
	switch x := e.(type) {
	case *ast.FuncLit:
		r.add(route, e, r.c.Lit(x))
		return
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			r.serveHTTP(e, route)
			return
		}
	case *ast.CompositeLit:
		r.serveHTTP(e, route)
		return
	case *ast.CallExpr:
		r.call(x, route, top)
		return
	}
	if fn := objectof.Func(info, e); fn != nil {
		r.add(route, e, r.c.Func(fn))
		return
	}
	if v := objectof.Var(info, e); v != nil {
		r.variable(v, e, route)
		return
	}
	r.incomplete()
}

// call follows a handler made by a call: a conversion, a wrapper of
// net/http, TimeoutHandler, a function of this package that builds a
// router, a middleware around a handler.
func (r *routes) call(call *ast.CallExpr, route string, top bool) {
	info := r.c.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() { // http.HandlerFunc(f)
		if len(call.Args) == 1 {
			r.handler(call.Args[0], route, false)
		}
		return
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		r.incomplete()
		return
	}
	if fn.Pkg() != nil && fn.Pkg().Path() == "net/http" {
		switch fn.Name() {
		case "TimeoutHandler":
			// Its writer can neither flush nor hijack, and every
			// request under it ends by its duration.
			if top && len(call.Args) == 3 {
				d, ok := r.durs.Eval(call.Args[1])
				r.server.TimeoutHandler = Timeout{Expr: call.Args[1], D: d, Known: ok}
			}
			return
		case "NewServeMux":
			return
		}
	}
	if fd := r.c.decls[fn.Origin()]; fd != nil && returnsHandler(fn) {
		// A function of this package that builds the handler: what it
		// returns, with the routes it registers on it; a parameter it
		// returns is the argument; the handlers it is given, it wraps
		// (a middleware).
		byParam := map[*types.Var]int{}
		for i, v := range params(info, fd) {
			if v != nil && i < len(call.Args) {
				byParam[v] = i
			}
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok {
				return false
			}
			if ret, ok := n.(*ast.ReturnStmt); ok && len(ret.Results) == 1 {
				if i, ok := byParam[objectof.Var(info, ret.Results[0])]; ok {
					r.handler(call.Args[i], route, top)
				} else {
					r.handler(ret.Results[0], route, top)
				}
			}
			return true
		})
		for v, i := range byParam {
			if isHandlerValue(v.Type()) || types.IsInterface(v.Type()) && isHandlerValue(info.TypeOf(call.Args[i])) {
				r.handler(call.Args[i], route, false)
			}
		}
		return
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && isRouterType(info.TypeOf(sel.X)) {
		r.handler(sel.X, route, top) // gin's r.Handler(), a router's own method
		return
	}
	if isConstructor(fn) {
		return // a router made where it is used has no routes
	}
	// A middleware: the handlers it is given.
	given := false
	for _, arg := range call.Args {
		if isHandlerValue(info.TypeOf(arg)) {
			r.handler(arg, route, false)
			given = true
		}
	}
	if !given {
		r.incomplete()
	}
}

// variable follows a router or handler held in a variable: the values it
// is given and the routes registered on it.
func (r *routes) variable(v *types.Var, at ast.Expr, route string) {
	if r.seen[v] {
		return
	}
	r.seen[v] = true
	vals := r.c.assigns.Values(v)
	if r.c.assigns.Opaque(v) && !isRouterType(v.Type()) {
		r.incomplete()
	}
	for _, val := range vals {
		if val.Result > 0 {
			r.incomplete()
			continue
		}
		r.handler(val.Expr, route, false)
	}
	if fd, i, ok := r.c.paramOf(v); ok {
		// A parameter: what the package's calls of the function pass,
		// with the routes the function adds to it.
		calls, all := r.c.callsOf(fd)
		if !all {
			r.incomplete()
		}
		for _, call := range calls {
			if i < len(call.Args) {
				r.handler(call.Args[i], route, false)
			}
		}
		if isRouterType(v.Type()) {
			r.registered(v)
		}
		return
	}
	if isRouterType(v.Type()) {
		r.registered(v)
		return
	}
	if len(vals) == 0 {
		if m := serveHTTPOf(v.Type()); m != nil {
			r.method(m, at, route)
			return
		}
		r.incomplete()
	}
}

// method follows a ServeHTTP method: what it does, and the handlers it
// hands the request to (cs.mux.ServeHTTP(w, r), a router kept in a field
// and filled by a constructor).
func (r *routes) method(m *types.Func, ref ast.Expr, route string) {
	r.add(route, ref, r.c.Func(m))
	fd := r.c.decls[m.Origin()]
	if fd == nil {
		return
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "ServeHTTP" {
			r.handler(sel.X, route, false)
		}
		return true
	})
}

// serveHTTP follows a value of a type with a ServeHTTP method.
func (r *routes) serveHTTP(e ast.Expr, route string) {
	if m := serveHTTPOf(r.c.pass.TypesInfo.TypeOf(e)); m != nil {
		r.method(m, e, route)
		return
	}
	r.incomplete()
}

// registered follows the routes registered on a router variable and on
// the routers derived from it (groups, sub-routers, chi's Route and
// Group literals, the parameters of this package's functions it is
// passed to).
func (r *routes) registered(root *types.Var) {
	info := r.c.pass.TypesInfo
	family := map[*types.Var]bool{root: true}
	for changed := true; changed; {
		changed = false
		grow := func(v *types.Var) {
			if v != nil && !family[v] {
				family[v] = true
				changed = true
			}
		}
		for _, f := range r.c.pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.AssignStmt:
					if len(n.Lhs) == len(n.Rhs) {
						for i, rhs := range n.Rhs {
							if family[rootVar(info, rhs)] && isRouterType(info.TypeOf(n.Lhs[i])) {
								grow(objectof.Var(info, n.Lhs[i]))
							}
						}
					}
				case *ast.CallExpr:
					if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && family[rootVar(info, sel.X)] {
						for _, arg := range n.Args { // chi's Route("/v1", func(r chi.Router) {...})
							if lit, ok := ast.Unparen(arg).(*ast.FuncLit); ok {
								for _, p := range lit.Type.Params.List {
									for _, name := range p.Names {
										if v, ok := info.Defs[name].(*types.Var); ok && isRouterType(v.Type()) {
											grow(v)
										}
									}
								}
							}
						}
					}
					fn, _ := typeutil.Callee(info, n).(*types.Func)
					for i, arg := range n.Args {
						if !family[objectof.Var(info, arg)] || fn == nil {
							continue
						}
						if fd := r.c.decls[fn.Origin()]; fd != nil {
							if ps := params(info, fd); i < len(ps) {
								grow(ps[i])
							}
						} else if !isRegistration(n) && (fn.Pkg() == nil || fn.Pkg().Path() != "net/http") {
							r.incomplete() // another package may register routes on it
						}
					}
				}
				return true
			})
		}
	}
	for _, f := range r.c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || !isRegistration(call) {
				return true
			}
			sel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !family[rootVar(info, sel.X)] {
				return true
			}
			route := ""
			for _, arg := range call.Args {
				if tv, ok := info.Types[arg]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
					route = constant.StringVal(tv.Value)
					break
				}
			}
			if route == "" {
				route = routeOf(info, sel.X)
			}
			for _, arg := range call.Args {
				if isHandlerValue(info.TypeOf(arg)) {
					r.handler(arg, route, false)
				}
			}
			return true
		})
	}
}

// add records a handler when it does something long-lived.
func (r *routes) add(route string, ref ast.Expr, s *Summary) {
	if s.Kinds()&(Hijack|Stream|Body) != 0 {
		r.server.Handlers = append(r.server.Handlers, Handler{Route: route, Ref: ref, Summary: s})
	}
}

// defaultMux follows http.DefaultServeMux: the routes this package
// registers with http.Handle and http.HandleFunc. Other packages may
// register on it too.
func (r *routes) defaultMux() {
	info := r.c.pass.TypesInfo
	r.incomplete()
	for _, f := range r.c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn := objectof.Func(info, call.Fun)
			if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "net/http" && (fn.Name() == "Handle" || fn.Name() == "HandleFunc") && fn.Signature().Recv() == nil && len(call.Args) == 2 {
				route := ""
				if tv, ok := info.Types[call.Args[0]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
					route = constant.StringVal(tv.Value)
				}
				r.handler(call.Args[1], route, false)
			}
			return true
		})
	}
}
