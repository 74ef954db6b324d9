package shutdown

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sigtermlint/sigtermlint/internal/reach"
	"github.com/sigtermlint/sigtermlint/internal/typeshelper"
)

// isExitCall reports whether a call ends the process or the goroutine's
// stack: os.Exit, log.Fatal*, log.Panic* (functions and *log.Logger
// methods), and panic.
func isExitCall(info *types.Info, call *ast.CallExpr) bool {
	switch fn := typeutil.Callee(info, call).(type) {
	case *types.Builtin:
		return fn.Name() == "panic"
	case *types.Func:
		if fn.Pkg() == nil {
			return false
		}
		switch fn.Pkg().Path() {
		case "os":
			return fn.Name() == "Exit"
		case "log":
			switch fn.Name() {
			case "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln":
				return true
			}
		}
	}
	return false
}

// serveKind says what a serve call returns when a graceful stop starts.
type serveKind int

const (
	notServe    serveKind = iota
	httpServe             // http.ErrServerClosed, at once
	nilOnServed           // grpc's Serve and fasthttp's: nil once the listener closes
)

// serveCall recognizes a serve call on a server that is stopped
// gracefully somewhere in the package, and what it returns at the stop.
func (c *checker) serveCall(e ast.Expr) (*ast.CallExpr, *types.Func, serveKind) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil, nil, notServe
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, nil, notServe
	}
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return nil, nil, notServe
	}
	recv := typeshelper.VarOf(c.pass.TypesInfo, sel.X)
	if recv == nil || !c.stoppers[recv] {
		return nil, nil, notServe // nothing stops this server: exiting on its error is fine
	}
	kind := notServe
	if reach.Classify(fn) == reach.KindServe {
		kind = nilOnServed
		if fn.Pkg().Path() == "net/http" {
			kind = httpServe
		}
	} else if f := c.reach.Fact(fn); f != nil && f.Bits&reach.ServeErr != 0 {
		kind = httpServe
	}
	return call, fn, kind
}

// checkExits reports exits on the return of a serve call while Shutdown
// may be draining: log.Fatal(srv.ListenAndServe()), and
// `if err := srv.ListenAndServe(); err != nil { log.Fatal(err) }` without
// an http.ErrServerClosed check.
func (c *checker) checkExits(s *scope) {
	for _, exit := range s.exits {
		// The serve call is an argument of the exit.
		for _, arg := range exit.Args {
			if call, fn, kind := c.serveCall(arg); kind != notServe {
				c.reportExit(s, exit, call, fn, kind, true)
			}
		}
	}
	if len(s.exits) == 0 || c.checksErrServerClosed(s.decl) {
		return
	}
	// The exit is on the serve error held in a variable.
	ast.Inspect(s.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			errVar, call, fn := c.serveErrVar(s, n)
			if errVar == nil || !mentions(c.pass.TypesInfo, n.Cond, errVar) {
				return true
			}
			for _, exit := range s.exits {
				if n.Body.Pos() <= exit.Pos() && exit.End() <= n.Body.End() {
					c.reportExit(s, exit, call, fn, httpServe, false)
					break
				}
			}
		}
		return true
	})
}

// serveErrVar finds the variable an if statement tests that holds the
// error of a net/http serve call: its init (if err := srv.Serve(l); ...)
// or the single definition of the variable its condition tests.
func (c *checker) serveErrVar(s *scope, ifs *ast.IfStmt) (*types.Var, *ast.CallExpr, *types.Func) {
	var found *types.Var
	var serve *ast.CallExpr
	var serveFn *types.Func
	ast.Inspect(ifs.Cond, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || found != nil {
			return found == nil
		}
		v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
		if !ok {
			return true
		}
		defs := c.defs[v]
		if len(defs) != 1 || defs[0].value == nil || defs[0].scope != s {
			return true
		}
		if call, fn, kind := c.serveCall(defs[0].value); kind == httpServe {
			found, serve, serveFn = v, call, fn
		}
		return true
	})
	return found, serve, serveFn
}

// checksErrServerClosed reports whether a function refers to
// http.ErrServerClosed anywhere: then it tells a stop from a failure, and
// sigtermlint trusts it.
func (c *checker) checksErrServerClosed(fd *ast.FuncDecl) bool {
	found := false
	ast.Inspect(fd, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if v, ok := c.pass.TypesInfo.Uses[sel.Sel].(*types.Var); ok && v.Name() == "ErrServerClosed" && v.Pkg() != nil && v.Pkg().Path() == "net/http" {
				found = true
			}
		}
		return !found
	})
	return found
}

func (c *checker) reportExit(s *scope, exit, serve *ast.CallExpr, fn *types.Func, kind serveKind, direct bool) {
	exitName := calleeName(c.pass.TypesInfo, exit)
	var msg string
	if kind == httpServe {
		msg = fmt.Sprintf("%s exits as soon as Shutdown starts, because %s then returns http.ErrServerClosed: the process quits while in-flight requests are still draining", exitName, fn.Name())
	} else {
		msg = fmt.Sprintf("%s exits as soon as the graceful stop starts, because %s then returns: the process quits while in-flight requests are still draining", exitName, fn.Name())
	}
	c.exited[serve] = true
	d := analysis.Diagnostic{Pos: exit.Pos(), End: exit.End(), Category: CategoryExitBeforeDrain, Message: msg}
	if direct && kind == httpServe {
		d.SuggestedFixes = c.errServerClosedFix(s, exit, serve)
	}
	c.report.Report(d)
}

// checkMainReturn reports a main that returns right after its serve call
// returns, while the Shutdown it started in a goroutine is draining.
func (c *checker) checkMainReturn() {
	if c.pass.Pkg.Name() != "main" {
		return
	}
	var mainScope *scope
	for _, s := range c.scopes {
		if !s.isLit && s.decl.Recv == nil && s.decl.Name.Name == "main" {
			mainScope = s
		}
	}
	if mainScope == nil {
		return
	}
	stmts := mainScope.body.List
	for i, stmt := range stmts {
		call, fn := c.syncServe(stmt)
		if call == nil {
			continue
		}
		if c.exited[call] {
			return // reported at the exit on its error
		}
		recv := typeshelper.VarOf(c.pass.TypesInfo, ast.Unparen(call.Fun).(*ast.SelectorExpr).X)
		if !c.stoppedInGoroutine(mainScope, recv) {
			return
		}
		rest := stmts[i+1:]
		for len(rest) > 0 && isPrintOnly(c.pass.TypesInfo, rest[0]) {
			rest = rest[1:]
		}
		var at ast.Node = call
		switch {
		case len(rest) == 0:
		case isBareReturn(rest[0]):
			at = rest[0]
		default:
			return // main goes on: it may wait for the drain
		}
		c.report.Report(analysis.Diagnostic{
			Pos: at.Pos(), End: at.End(), Category: CategoryExitBeforeDrain,
			Message: fmt.Sprintf("main returns as soon as %s returns, while Shutdown is still draining in another goroutine: the process exits with requests in flight", fn.Name()),
		})
		return
	}
}

// syncServe returns the serve call a statement of main makes in main's
// own flow (not in a goroutine), on a server that is stopped somewhere.
func (c *checker) syncServe(stmt ast.Stmt) (*ast.CallExpr, *types.Func) {
	var exprs []ast.Expr
	switch st := stmt.(type) {
	case *ast.ExprStmt:
		exprs = []ast.Expr{st.X}
	case *ast.AssignStmt:
		exprs = st.Rhs
	case *ast.IfStmt:
		if as, ok := st.Init.(*ast.AssignStmt); ok {
			exprs = as.Rhs
		}
	}
	for _, e := range exprs {
		if call, fn, kind := c.serveCall(e); kind != notServe {
			return call, fn
		}
		// log.Fatal(srv.ListenAndServe()) is checkExits' business.
	}
	return nil, nil
}

// stoppedInGoroutine reports whether main stops recv inside a function
// literal (a goroutine or a callback), not in its own flow.
func (c *checker) stoppedInGoroutine(mainScope *scope, recv *types.Var) bool {
	for _, s := range c.scopes {
		if !s.isLit || s.decl != mainScope.decl {
			continue
		}
		found := false
		ast.Inspect(s.body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && typeshelper.VarOf(c.pass.TypesInfo, sel.X) == recv {
					if _, ok := c.stopOf(call); ok {
						found = true
					}
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// isPrintOnly reports a statement that only logs: it does not wait.
func isPrintOnly(info *types.Info, stmt ast.Stmt) bool {
	es, ok := stmt.(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(es.X).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "log":
		switch fn.Name() {
		case "Print", "Printf", "Println":
			return true
		}
	case "fmt":
		switch fn.Name() {
		case "Print", "Printf", "Println", "Fprint", "Fprintf", "Fprintln":
			return true
		}
	}
	return false
}

func isBareReturn(stmt ast.Stmt) bool {
	r, ok := stmt.(*ast.ReturnStmt)
	return ok && len(r.Results) == 0
}

// mentions reports whether e refers to v.
func mentions(info *types.Info, e ast.Expr, v *types.Var) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}

// calleeName names an exit call for messages: log.Fatal, os.Exit, panic.
func calleeName(info *types.Info, call *ast.CallExpr) string {
	switch fn := typeutil.Callee(info, call).(type) {
	case *types.Builtin:
		return fn.Name()
	case *types.Func:
		if fn.Type().(*types.Signature).Recv() != nil {
			return "(*log.Logger)." + fn.Name()
		}
		return fn.Pkg().Name() + "." + fn.Name()
	}
	return "the exit"
}
