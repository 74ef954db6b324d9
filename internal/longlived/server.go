package longlived

import (
	"go/ast"
	"go/token"
	"go/types"
	"time"

	"github.com/sigtermlint/sigtermlint/internal/durations"
	"github.com/sigtermlint/sigtermlint/internal/objectof"
)

// Server is what one *http.Server of the package serves and allows.
type Server struct {
	// Var is the variable or field that holds the server.
	Var *types.Var
	// Lit is the literal it is built from, when there is one.
	Lit *ast.CompositeLit
	// Handlers are the long-lived handlers it serves (Hijack, Stream or
	// Body), by route.
	Handlers []Handler
	// Complete: every handler and route of the server was followed, so
	// that Handlers lists all its long-lived ones.
	Complete bool
	// The server's timeouts, and the http.TimeoutHandler around its
	// whole handler.
	WriteTimeout, ReadTimeout, ReadHeaderTimeout, TimeoutHandler Timeout
	// OnShutdown are its RegisterOnShutdown calls.
	OnShutdown []*ast.CallExpr
	// BaseContext is its BaseContext when that returns something other
	// than context.Background() or context.TODO(): request contexts
	// derive from it, and a context cancelled on the stop tells them.
	BaseContext ast.Expr
	// Rebased is a call of the package that gives a request a context
	// not derived from its own (r.WithContext(stopCtx) in a middleware):
	// handlers may then see the stop, so streams are not judged.
	Rebased *ast.CallExpr
}

// Timeout is a duration the server is configured with.
type Timeout struct {
	Expr  ast.Expr // nil when not set
	D     time.Duration
	Known bool // D is resolved
}

// Set reports whether the timeout is configured (a zero is no timeout).
func (t Timeout) Set() bool { return t.Expr != nil && !(t.Known && t.D <= 0) }

// Handler is a long-lived handler of a server.
type Handler struct {
	// Route is the pattern it is registered under, "" when unknown.
	Route string
	// Ref is where the package names it (the registration argument).
	Ref     ast.Expr
	Summary *Summary
}

// Has reports whether the server serves a handler of kind k, and the
// first such handler.
func (s *Server) Has(k Kind) (Handler, Site, bool) {
	for _, h := range s.Handlers {
		if site, ok := h.Summary.Site(k); ok {
			return h, site, true
		}
	}
	return Handler{}, Site{}, false
}

// ServerOf follows the *http.Server that x (the receiver of a Shutdown
// call, a variable or a field) holds to the literal that builds it in
// this package, its handler and routes, its timeouts, and what tells
// its requests of a stop. ok is false when x cannot be followed to one
// literal.
func ServerOf(c *Classifier, durs *durations.Resolver, x ast.Expr) (*Server, bool) {
	return serverOf(c, durs, x, 0)
}

func serverOf(c *Classifier, durs *durations.Resolver, x ast.Expr, depth int) (*Server, bool) {
	info := c.pass.TypesInfo
	v := objectof.Var(info, x)
	if v == nil || depth > 4 {
		return nil, false
	}
	if fd, i, ok := c.paramOf(v); ok {
		// A parameter (stop(srv) in main): the server every call of the
		// function in the package passes, when that is one server.
		calls, all := c.callsOf(fd)
		if !all {
			return nil, false
		}
		var found *Server
		for _, call := range calls {
			if i >= len(call.Args) {
				return nil, false
			}
			s, ok := serverOf(c, durs, call.Args[i], depth+1)
			if !ok || found != nil && found.Var != s.Var {
				return nil, false
			}
			found = s
		}
		return found, true
	}
	if isNamed(v.Type(), echoPkg, "Echo") {
		return echoServer(c, durs, v, x)
	}
	if !isNamed(v.Type(), "net/http", "Server") {
		return nil, false
	}
	s := &Server{Var: v, Complete: true}
	vals := c.assigns.Values(v)
	if v.IsField() {
		// A field is given its server by a struct literal too
		// (&Server{srv: &http.Server{...}}).
		known, ok := c.assigns.Known(v)
		if !ok {
			return nil, false
		}
		vals = known
	}
	var lits []*ast.CompositeLit
	for _, val := range vals {
		e := ast.Unparen(val.Expr)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = ast.Unparen(u.X)
		}
		lit, ok := e.(*ast.CompositeLit)
		if !ok || val.Result > 0 {
			return nil, false
		}
		lits = append(lits, lit)
	}
	_, zero := c.assigns.Zero(v)
	if len(lits) > 1 || (len(lits) == 0 && !zero) {
		return nil, false
	}
	fields := map[string]ast.Expr{}
	if len(lits) == 1 {
		s.Lit = lits[0]
		for _, el := range s.Lit.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					fields[id.Name] = kv.Value
				}
			}
		}
	}
	s.settings(c, durs, fields, func(e ast.Expr) bool { return objectof.Var(info, e) == v })
	r := &routes{c: c, durs: durs, server: s, seen: map[any]bool{}}
	r.handler(fields["Handler"], "", true)
	s.Rebased = c.rebased()
	return s, true
}

// echoServer follows an *echo.Echo: its routes, and its *http.Server
// (e.Server), whose Handler is the Echo itself.
func echoServer(c *Classifier, durs *durations.Resolver, v *types.Var, x ast.Expr) (*Server, bool) {
	info := c.pass.TypesInfo
	s := &Server{Var: v, Complete: true}
	s.settings(c, durs, map[string]ast.Expr{}, func(e ast.Expr) bool {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		return ok && sel.Sel.Name == "Server" && objectof.Var(info, sel.X) == v
	})
	r := &routes{c: c, durs: durs, server: s, seen: map[any]bool{}}
	r.variable(v, x, "")
	s.Rebased = c.rebased()
	return s, true
}

// settings reads what the package sets on the server that isServer
// denotes after building it (fields, on top of the literal's), and its
// RegisterOnShutdown calls.
func (s *Server) settings(c *Classifier, durs *durations.Resolver, fields map[string]ast.Expr, isServer func(ast.Expr) bool) {
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i, lhs := range n.Lhs {
						if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && isServer(sel.X) {
							fields[sel.Sel.Name] = n.Rhs[i]
						}
					}
				}
			case *ast.CallExpr:
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "RegisterOnShutdown" && isServer(sel.X) {
					s.OnShutdown = append(s.OnShutdown, n)
				}
			}
			return true
		})
	}
	timeout := func(name string) Timeout {
		e := fields[name]
		if e == nil {
			return Timeout{}
		}
		d, ok := durs.Eval(e)
		return Timeout{Expr: e, D: d, Known: ok}
	}
	s.WriteTimeout, s.ReadTimeout, s.ReadHeaderTimeout = timeout("WriteTimeout"), timeout("ReadTimeout"), timeout("ReadHeaderTimeout")
	if bc := fields["BaseContext"]; bc != nil && !returnsBackground(c, bc) {
		s.BaseContext = bc
	}
}

// returnsBackground reports whether a BaseContext literal returns only
// context.Background() or context.TODO(), which nothing cancels.
func returnsBackground(c *Classifier, e ast.Expr) bool {
	lit, ok := ast.Unparen(e).(*ast.FuncLit)
	if !ok {
		return false
	}
	only := true
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if ret, ok := n.(*ast.ReturnStmt); ok {
			only = only && len(ret.Results) == 1 && isContextRoot(c.pass.TypesInfo, ret.Results[0])
		}
		return true
	})
	return only
}

func isContextRoot(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := objectof.Func(info, call.Fun)
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "context" && (fn.Name() == "Background" || fn.Name() == "TODO")
}

// HandlerServer is the server that a serve call without an *http.Server
// of the package's builds around handler h: http.ListenAndServe(addr, h)
// (h nil: http.DefaultServeMux), or a framework's Run on its router (gin's
// Engine.Run). It has no timeouts; its handlers are followed as
// ServerOf follows a literal's Handler.
func HandlerServer(c *Classifier, durs *durations.Resolver, h ast.Expr) *Server {
	s := &Server{Complete: true}
	r := &routes{c: c, durs: durs, server: s, seen: map[any]bool{}}
	r.handler(h, "", true)
	s.Rebased = c.rebased()
	return s
}
