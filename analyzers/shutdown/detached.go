package shutdown

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Nobody waits for a Shutdown that runs last in a goroutine which reports
// nothing back, or that a go statement starts itself (go s.GracefulStop()): the process ends when main decides, not when the drain
// ends, so the context's deadline changes nothing (prometheus/pushgateway:
// `go shutdownServerOnQuit(...)`, which returns server.Shutdown(ctx), and
// main returns on its own after ListenAndServe). unbounded-shutdown says
// nothing there.

// recordGo notes what a go statement starts: a function literal's scope
// is detached; a package function counts one go-started call.
func (c *checker) recordGo(g *ast.GoStmt) {
	if fn, ok := typeutil.Callee(c.pass.TypesInfo, g.Call).(*types.Func); ok {
		if c.goCalls == nil {
			c.goCalls = map[*types.Func]int{}
		}
		c.goCalls[fn]++
	}
}

// countCall counts every call of a package function, go-started or not.
func (c *checker) countCall(call *ast.CallExpr) {
	if fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func); ok && fn.Pkg() == c.pass.Pkg {
		if c.calls == nil {
			c.calls = map[*types.Func]int{}
		}
		c.calls[fn]++
	}
}

// abandoned reports whether nobody can wait for stop: it is the last
// statement of a scope that runs only as a goroutine (a literal started
// with go, or an unexported function every call of which is a go
// statement), its result is dropped or returned to nobody, and the scope
// defers nothing (a deferred wg.Done or close would report completion).
func (c *checker) abandoned(s *scope, stop *stopCall) bool {
	if goStarted(s, stop.call) {
		return true // go s.GracefulStop(): nobody can wait for it
	}
	if !c.detached(s) || len(s.body.List) == 0 {
		return false
	}
	for _, st := range s.body.List {
		if _, ok := st.(*ast.DeferStmt); ok {
			return false
		}
	}
	switch last := s.body.List[len(s.body.List)-1].(type) {
	case *ast.ExprStmt:
		return ast.Unparen(last.X) == stop.call
	case *ast.ReturnStmt:
		return len(last.Results) == 1 && ast.Unparen(last.Results[0]) == stop.call
	case *ast.IfStmt:
		// if err := srv.Shutdown(ctx); err != nil { log... }
		as, ok := last.Init.(*ast.AssignStmt)
		return ok && len(as.Rhs) == 1 && ast.Unparen(as.Rhs[0]) == stop.call && last.Else == nil && !sendsOrCloses(last.Body)
	}
	return false
}

// goStarted reports whether call is the call of a go statement of s.
func goStarted(s *scope, call *ast.CallExpr) bool {
	found := false
	ast.Inspect(s.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // a scope of its own
		case *ast.GoStmt:
			found = found || n.Call == call
		}
		return !found
	})
	return found
}

// detached reports whether a scope runs only as a goroutine.
func (c *checker) detached(s *scope) bool {
	if s.isLit {
		return s.goLit
	}
	fn, ok := c.pass.TypesInfo.Defs[s.decl.Name].(*types.Func)
	if !ok || fn.Exported() || s.decl.Recv != nil {
		return false
	}
	n := c.calls[fn]
	return n > 0 && c.goCalls[fn] == n
}

// sendsOrCloses reports whether a block sends on a channel or closes one:
// a way to tell someone the drain ended.
func sendsOrCloses(b *ast.BlockStmt) bool {
	found := false
	ast.Inspect(b, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SendStmt:
			found = true
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && id.Name == "close" {
				found = true
			}
		}
		return !found
	})
	return found
}
