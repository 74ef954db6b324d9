package shutdown

import (
	"go/ast"
	"go/token"
	"go/types"
	"time"

	"github.com/sigtermlint/sigtermlint/internal/objectof"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"
)

// grpc's GracefulStop takes no context: what bounds it is a timed
// fallback to Stop on the same server, found here.

// hardStop is a use of (*grpc.Server).Stop: a call, or a method value
// (time.AfterFunc(d, s.Stop)).
type hardStop struct {
	path []ast.Node // from the use (the call, or the selector) out to the file
	recv *types.Var // the server it is called on, when known
	call bool
}

// fallback is what bounds a grpc GracefulStop: a call of Stop() on the
// same server that may run while it drains (in another goroutine, or
// after it was started in one), after a timeout: time.AfterFunc(d,
// s.Stop), a goroutine that sleeps d or receives from time.After(d), a
// timer or a context with a deadline first, a select case on one. None:
// nothing bounds it. A Stop() that is not timed, or whose time cannot be
// resolved, leaves the bound unknown.
func (c *checker) fallback(s *scope, stop *stopCall) lineage {
	var recv *types.Var
	if sel, ok := ast.Unparen(stop.call.Fun).(*ast.SelectorExpr); ok {
		recv = objectof.Var(c.pass.TypesInfo, sel.X)
	}
	l := lineage{rooted: true, deadlineKnown: true}
	for _, u := range c.hardStops() {
		if recv != nil && u.recv != nil && u.recv != recv {
			continue // another server
		}
		if u.call && c.scopeOf(u.path) == s {
			continue // in the stop's own flow: before it, after it, or instead of it
		}
		wait, d, known, ok := c.timedWait(u)
		if !ok {
			return lineage{origin: "a Stop call sigtermlint cannot place in time", originPos: u.path[0].Pos()}
		}
		l.bounded = true
		switch {
		case !known:
			l.deadlineKnown = false
			if l.timeoutCall == nil {
				l.timeoutCall = wait
			}
		case l.deadline == 0 || d < l.deadline || l.timeoutCall == nil:
			l.deadline, l.timeoutCall = d, wait
		}
	}
	return l
}

// hardStops lists the uses of (*grpc.Server).Stop in the package,
// outside test helpers.
func (c *checker) hardStops() []hardStop {
	info := c.pass.TypesInfo
	var uses []hardStop
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || takesTesting(info, fd) {
				continue
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				fn, ok := info.Uses[sel.Sel].(*types.Func)
				if !ok || fn.Pkg() == nil || fn.Pkg().Path() != grpcPkg || fn.Name() != "Stop" || recvName(fn) != "Server" {
					return true
				}
				path, _ := astutil.PathEnclosingInterval(f, sel.Pos(), sel.End())
				for len(path) > 0 && path[0] != sel {
					path = path[1:]
				}
				if len(path) < 2 {
					return true
				}
				u := hardStop{path: path, recv: objectof.Var(info, sel.X)}
				if call, ok := path[1].(*ast.CallExpr); ok && call.Fun == sel {
					u.call, u.path = true, path[1:]
				}
				uses = append(uses, u)
				return true
			})
		}
	}
	return uses
}

// scopeOf returns the scope whose body holds the innermost function of
// a path.
func (c *checker) scopeOf(path []ast.Node) *scope {
	for _, n := range path {
		var body *ast.BlockStmt
		switch n := n.(type) {
		case *ast.FuncLit:
			body = n.Body
		case *ast.FuncDecl:
			body = n.Body
		default:
			continue
		}
		for _, s := range c.scopes {
			if s.body == body {
				return s
			}
		}
		return nil
	}
	return nil
}

// timedWait finds what times a Stop use: time.AfterFunc(d, ...) around
// it, else the nearest timed waits before it in its function (the
// statements before it in the innermost block that has any, or the
// select case it is in). wait is the call that starts the time; ok is
// false when nothing times it.
func (c *checker) timedWait(u hardStop) (wait *ast.CallExpr, d time.Duration, known, ok bool) {
	info := c.pass.TypesInfo
	if !u.call {
		// A method value: time.AfterFunc(d, s.Stop), or handed to
		// something sigtermlint cannot time.
		if call, isCall := u.path[1].(*ast.CallExpr); isCall && isAfterFunc(info, call) && len(call.Args) == 2 && call.Args[1] == u.path[0] {
			d, known = c.durations().Eval(call.Args[0])
			return call, d, known, true
		}
		return nil, 0, false, false
	}
	for i := 1; i < len(u.path); i++ {
		child := u.path[i-1]
		switch n := u.path[i].(type) {
		case *ast.FuncLit:
			if i+1 < len(u.path) {
				if call, isCall := u.path[i+1].(*ast.CallExpr); isCall && isAfterFunc(info, call) && len(call.Args) == 2 && call.Args[1] == n {
					d, known = c.durations().Eval(call.Args[0])
					return call, d, known, true
				}
			}
			return nil, 0, false, false
		case *ast.FuncDecl, *ast.DeferStmt:
			// The function's start, or a deferred Stop(): it runs
			// at return, whatever waits come before.
			return nil, 0, false, false
		case *ast.BlockStmt:
			if wait, d, known, ok := c.waitsBefore(u.path, n.List, child); ok {
				return wait, d, known, true
			}
		case *ast.CaseClause:
			if wait, d, known, ok := c.waitsBefore(u.path, n.Body, child); ok {
				return wait, d, known, true
			}
		case *ast.CommClause:
			if wait, d, known, ok := c.waitsBefore(u.path, n.Body, child); ok {
				return wait, d, known, true
			}
			if n.Comm != nil && child != n.Comm {
				if wait, d, known, ok := c.timedStmt(u.path, n.Comm); ok {
					return wait, d, known, true
				}
			}
		}
	}
	return nil, 0, false, false
}

// waitsBefore adds up the timed waits among the statements of list
// before child.
func (c *checker) waitsBefore(path []ast.Node, list []ast.Stmt, child ast.Node) (wait *ast.CallExpr, d time.Duration, known, ok bool) {
	known = true
	for _, st := range list {
		if st == child {
			break
		}
		w, sd, sk, sok := c.timedStmt(path, st)
		if !sok {
			continue
		}
		if wait == nil {
			wait = w
		}
		ok, d, known = true, d+sd, known && sk
	}
	return wait, d, known, ok
}

// timedStmt recognizes a statement that waits for a time: time.Sleep(d),
// a receive from time.After(d), from a timer's or ticker's C, or from
// the Done() of a context with a deadline.
func (c *checker) timedStmt(path []ast.Node, st ast.Stmt) (wait *ast.CallExpr, d time.Duration, known, ok bool) {
	info := c.pass.TypesInfo
	var x ast.Expr
	switch st := st.(type) {
	case *ast.ExprStmt:
		x = st.X
	case *ast.AssignStmt:
		if len(st.Rhs) == 1 {
			x = st.Rhs[0]
		}
	}
	if call, isCall := ast.Unparen(x).(*ast.CallExpr); isCall {
		if fn, isFn := typeutil.Callee(info, call).(*types.Func); isFn && isPkgFunc(fn, "time", "Sleep") && len(call.Args) == 1 {
			d, known = c.durations().Eval(call.Args[0])
			return call, d, known, true
		}
		return nil, 0, false, false
	}
	u, isRecv := ast.Unparen(x).(*ast.UnaryExpr)
	if !isRecv || u.Op != token.ARROW {
		return nil, 0, false, false
	}
	switch ch := ast.Unparen(u.X).(type) {
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(info, ch).(*types.Func)
		switch {
		case fn != nil && isPkgFunc(fn, "time", "After") && len(ch.Args) == 1:
			d, known = c.durations().Eval(ch.Args[0])
			return ch, d, known, true
		case fn != nil && fn.Name() == "Done" && len(ch.Args) == 0:
			sel, isSel := ast.Unparen(ch.Fun).(*ast.SelectorExpr)
			if !isSel || !isContext(info.TypeOf(sel.X)) {
				return nil, 0, false, false
			}
			s := c.scopeOf(path)
			if s == nil {
				return nil, 0, false, false
			}
			l := c.trace(s, sel.X, ch.Pos())
			if !l.bounded || l.timeoutCall == nil {
				return nil, 0, false, false // a signal's context, or one of unknown origin
			}
			return l.timeoutCall, l.deadline, l.deadlineKnown, true
		}
	case *ast.SelectorExpr:
		// <-t.C, t := time.NewTimer(d) or time.NewTicker(d)
		if ch.Sel.Name != "C" || !(isPointerTo(info.TypeOf(ch.X), "time", "Timer") || isPointerTo(info.TypeOf(ch.X), "time", "Ticker")) {
			return nil, 0, false, false
		}
		if v := objectof.Var(info, ch.X); v != nil {
			if defs := c.defsOf(v); len(defs) == 1 {
				if call, isCall := ast.Unparen(defs[0].value).(*ast.CallExpr); isCall {
					if fn, isFn := typeutil.Callee(info, call).(*types.Func); isFn && (isPkgFunc(fn, "time", "NewTimer") || isPkgFunc(fn, "time", "NewTicker")) && len(call.Args) == 1 {
						d, known = c.durations().Eval(call.Args[0])
						return call, d, known, true
					}
				}
			}
		}
		// A timer set somewhere sigtermlint cannot see: timed, for
		// how long is unknown.
		return nil, 0, false, true
	}
	return nil, 0, false, false
}

func isAfterFunc(info *types.Info, call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	return ok && isPkgFunc(fn, "time", "AfterFunc")
}

func isPointerTo(t types.Type, pkg, name string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && isNamed(p.Elem(), pkg, name)
}
