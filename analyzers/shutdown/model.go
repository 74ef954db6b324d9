package shutdown

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sigtermlint/sigtermlint/internal/objectof"
	"github.com/sigtermlint/sigtermlint/internal/ownflow"
	"github.com/sigtermlint/sigtermlint/internal/reach"
)

// The stop model answers one question for every shutdown rule, for
// -explain and for the fixes: when the process exits, is the drain over?
//
// A drain starts beside the flow that serves: Shutdown runs in a signal
// goroutine, a callback or another function, and the serve call in the
// serving flow returns the moment it starts (http.ErrServerClosed, or nil
// for grpc). From that return, the serving flow goes on: every path to a
// process exit (main returning or falling off its end, a call that never
// returns) must pass a wait for the drain's end, or the process exits
// mid-drain. Waits are the ones the drain itself reports to: a channel
// closed or sent on after it, a WaitGroup's Done or a context's cancel
// after it, a group whose Go runs it. A function whose return is reached
// that way returns while its drain runs (a fact for other packages), and
// the paths from its calls are followed the same way. Any other wait (a
// channel of unknown origin, a second signal) leaves the order unknown:
// silence.

// A drain is a graceful stop that may run beside the flow that serves.
type drain struct {
	scope   *scope        // the scope of the stop call
	call    *ast.CallExpr // the stop call, or a call of a function that stops
	stop    *stopCall     // set when call is a stop with a context or a timeout
	targets []*types.Var  // the servers it stops: its receiver and arguments
	// goCall is the go statement when the drain is a go call of the
	// scope (go srv.Shutdown(ctx), go shutdownOnQuit(srv)).
	goCall *ast.GoStmt
	// spawn is the go statement that starts the drain at once, with no
	// wait before the stop: go srv.Shutdown(ctx), or a go literal whose
	// stop comes first thing.
	spawn *ast.GoStmt
}

// drainsOf finds the package's drains, and the objects that report the
// end of one: channels closed or sent on after it, WaitGroups marked
// Done, contexts cancelled, and groups whose Go runs it.
func (c *checker) drainsOf() ([]*drain, map[*types.Var][]*drain) {
	info := c.pass.TypesInfo
	var drains []*drain
	for _, s := range c.scopes {
		ownflow.Inspect(s.body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.GoStmt:
				// A go literal is a scope of its own; a go call of a
				// function that stops is a drain of this scope.
				if d := c.drainCall(s, n.Call); d != nil {
					d.goCall = n
					if c.stopsAtOnce(n.Call) {
						d.spawn = n
					}
					drains = append(drains, d)
				}
			case *ast.CallExpr:
				if d := c.drainCall(s, n); d != nil {
					drains = append(drains, d)
				}
			}
			return true
		})
	}
	// A go literal whose stop comes first thing starts its drain at once.
	for _, d := range drains {
		if d.spawn == nil && d.goCall == nil && c.stopsAtOnce(d.call) && d.scope.goStmt != nil && !c.blocksBefore(d.scope, d.call) {
			d.spawn = d.scope.goStmt
		}
	}
	done := map[*types.Var][]*drain{}
	for _, d := range drains {
		if d.scope.group != nil {
			done[d.scope.group] = append(done[d.scope.group], d)
		}
		if d.goCall != nil {
			continue // go srv.Shutdown(ctx): nothing after it in its goroutine
		}
		at, ok := d.scope.pointOf(info, d.call)
		if !ok {
			continue
		}
		ast.Inspect(d.scope.body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.DeferStmt:
				// Deferred: it runs when the goroutine ends, after the
				// stop.
				if v := c.reportsEnd(n.Call); v != nil {
					done[v] = append(done[v], d)
				}
				return false
			case *ast.SendStmt:
				if v := objectof.Var(info, n.Chan); v != nil && c.after(d.scope, at, n) {
					done[v] = append(done[v], d)
				}
			case *ast.CallExpr:
				if v := c.reportsEnd(n); v != nil && c.after(d.scope, at, n) {
					done[v] = append(done[v], d)
				}
			}
			return true
		})
	}
	return drains, done
}

// after reports whether n runs after the point at on every path to it.
func (c *checker) after(s *scope, at point, n ast.Node) bool {
	p, ok := s.pointOf(c.pass.TypesInfo, n)
	return ok && s.cfg(c.pass.TypesInfo).dominates(at, p)
}

// reportsEnd returns the object a call tells of an end: close(ch),
// wg.Done(), cancel().
func (c *checker) reportsEnd(call *ast.CallExpr) *types.Var {
	info := c.pass.TypesInfo
	switch fn := typeutil.Callee(info, call).(type) {
	case *types.Builtin:
		if fn.Name() == "close" && len(call.Args) == 1 {
			return objectof.Var(info, call.Args[0])
		}
	case *types.Func:
		if isGroupMethod(info, call, "Done") {
			return objectof.Var(info, ast.Unparen(call.Fun).(*ast.SelectorExpr).X)
		}
	case *types.Var:
		if _, ok := fn.Type().Underlying().(*types.Signature); ok && len(call.Args) == 0 {
			return fn // a cancel function
		}
	}
	return nil
}

// drainCall recognizes a call that starts a drain: a graceful stop, or a
// call of a function that reaches one, with the servers it stops.
func (c *checker) drainCall(s *scope, call *ast.CallExpr) *drain {
	info := c.pass.TypesInfo
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok {
		return nil
	}
	stops := reach.Classify(fn) == reach.KindStop
	if f := c.reach.Fact(fn); f != nil && f.Bits&reach.Stop != 0 {
		stops = true
	}
	if !stops {
		return nil
	}
	d := &drain{scope: s, call: call, targets: c.targetsOf(call)}
	d.stop, _ = c.stopOf(call)
	if len(d.targets) == 0 {
		return nil
	}
	return d
}

// stopsAtOnce reports whether a call is a graceful stop itself, or a
// wrapper that hands its context to one (echo's Shutdown(ctx)): unlike
// a helper that may wait for a signal first, it starts the drain when
// called.
func (c *checker) stopsAtOnce(call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return false
	}
	if reach.Classify(fn) == reach.KindStop {
		return true
	}
	f := c.reach.Fact(fn)
	return f != nil && f.StopCtxParam > 0
}

// blocksBefore reports whether something may block on the way from the
// start of a scope to call: a receive, a select, a Wait, a sleep.
func (c *checker) blocksBefore(s *scope, call *ast.CallExpr) bool {
	found := false
	ast.Inspect(s.body, func(n ast.Node) bool {
		if found || n == nil || n.Pos() >= call.Pos() {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.UnaryExpr:
			found = n.Op == token.ARROW
		case *ast.SelectStmt, *ast.RangeStmt:
			found = true
		case *ast.CallExpr:
			if fn, ok := typeutil.Callee(c.pass.TypesInfo, n).(*types.Func); ok {
				found = fn.Name() == "Wait" || isPkgFunc(fn, "time", "Sleep")
			}
		}
		return !found
	})
	return found
}

// serveTargets returns the servers a serve call serves, and what it
// returns when a graceful stop starts; notServe for any other call.
func (c *checker) serveTargets(call *ast.CallExpr) ([]*types.Var, *types.Func, serveKind) {
	info := c.pass.TypesInfo
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok {
		return nil, nil, notServe
	}
	// A function that serves returns at the stop only when it returns
	// the serve call's error as its own (echo's Start); one that serves
	// and then waits (endless's Serve) is a start only through its
	// ExitFact.
	kind := notServe
	switch f := c.reach.Fact(fn); {
	case reach.Classify(fn) == reach.KindServe:
		kind = nilOnServed
		if fn.Pkg().Path() == "net/http" {
			kind = httpServe
		}
	case f != nil && f.Bits&reach.ServeErr != 0:
		kind = httpServe
	case c.passes[fn.Origin()] != "":
		kind = unknownServe
	case c.importedPasses(fn) != nil:
		kind = unknownServe
		if c.importedPasses(fn).Nil {
			kind = nilOnServed // fiber's Listen: fasthttp's nil comes out of it
		}
	default:
		return nil, nil, notServe
	}
	return c.targetsOf(call), fn, kind
}

// importedPasses reports whether a function of another package returns
// as soon as a serve call it makes returns (ExitFact.Passes).
func (c *checker) importedPasses(fn *types.Func) *ExitFact {
	if fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg {
		return nil
	}
	var f ExitFact
	if !c.pass.ImportObjectFact(fn.Origin(), &f) || !f.Passes {
		return nil
	}
	return &f
}

// serveKind says what a serve call returns when a graceful stop starts.
type serveKind int

const (
	notServe     serveKind = iota
	httpServe              // http.ErrServerClosed, at once
	nilOnServed            // grpc's Serve and fasthttp's: nil once the listener closes
	unknownServe           // a function that serves: its error is its own
)

func shareAny(a, b []*types.Var) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}
