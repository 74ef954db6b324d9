package shutdown

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sigtermlint/sigtermlint/internal/objectof"
	"github.com/sigtermlint/sigtermlint/internal/ownflow"
	"github.com/sigtermlint/sigtermlint/internal/reach"
)

// exit-before-drain, on the stop model (model.go, paths.go): from each
// start, the places where the process exits while the drain runs.

// ExitFact is exported for a function that returns while a drain it
// started may still run: its serve call returned because another
// goroutine began Shutdown, and nothing waited for that drain's end. A
// call of it is a start in its caller's flow.
type ExitFact struct {
	// Via names the call that returns at the drain's start, for
	// messages: "ListenAndServe".
	Via string
	// Mid: it returns while a drain runs beside it. Else only Passes
	// holds.
	Mid bool
	// Nil: it returns a nil error then (`return nil`), so a caller's
	// `if err != nil { log.Fatal(err) }` does not exit.
	Nil bool
	// Own: the drain runs in a goroutine the function starts itself
	// (a Run that serves and drains on SIGTERM). Otherwise its return
	// counts only where the caller drains what it serves (fiber's Listen
	// returns when app.Shutdown starts, if anything calls it).
	Own bool
	// Passes: it returns as soon as a serve call it makes returns, with
	// no wait in between (exporter-toolkit's web.ListenAndServe): where
	// the caller drains a server it hands over, the call returns as the
	// drain starts, as a serve call does.
	Passes bool
}

func (*ExitFact) AFact() {}

func (f *ExitFact) String() string {
	var parts []string
	if f.Mid {
		s := "returnsMidDrain(" + f.Via
		if f.Nil {
			s += ", nil"
		}
		if f.Own {
			s += ", own"
		}
		parts = append(parts, s+")")
	}
	if f.Passes {
		parts = append(parts, "returnsWithServe")
	}
	return strings.Join(parts, " ")
}

// isExitCall reports whether a call ends the process (reach.IsExitCall,
// with the facts of the program's own functions that exit).
func (c *checker) isExitCall(call *ast.CallExpr) bool {
	return reach.IsExitCall(c.pass.TypesInfo, call, c.reach.Fact)
}

// midDrain is a function of the package that returns mid-drain.
type midDrain struct {
	via    string
	leaves []leave // its returns, where the report goes
	drain  *drain
	own    bool // the drain runs in a goroutine the function starts (ExitFact.Own)
}

// returnsNil reports whether every return that leaves mid-drain returns
// a nil error last.
func (md *midDrain) returnsNil() bool {
	for _, l := range md.leaves {
		if !l.isNil {
			return false
		}
	}
	return len(md.leaves) > 0
}

// returnsNilAt reports whether a return that leaves mid-drain returns a
// nil error last: `return nil`, or `return s.Serve(l)` of a serve call
// that returns nil at the stop (grpc's, fasthttp's: fiber's Listen).
func returnsNilAt(st *start, l leave) bool {
	ret, ok := l.at.(*ast.ReturnStmt)
	if l.kind != leaveReturn || !ok || len(ret.Results) == 0 {
		return false
	}
	last := ast.Unparen(ret.Results[len(ret.Results)-1])
	if id, ok := last.(*ast.Ident); ok && id.Name == "nil" {
		return true
	}
	return last == st.call && st.kind == nilOnServed
}

// exitModel is the stop model's answer for the package: the starts
// followed, and the exits found.
type exitModel struct {
	drains []*drain
	done   map[*types.Var][]*drain
	mid    map[*types.Func]*midDrain
	groups map[*types.Var]*start // groups a member of which returns mid-drain
	// passes are the functions that return as soon as a serve call they
	// make returns (ExitFact.Passes), with the call's name.
	passes map[*types.Func]string
	// exits are the leaves that end the process mid-drain, in the order
	// found, with their start.
	exits []earlyExit
}

type earlyExit struct {
	leave leave
	st    *start
}

// skipScope reports test fixtures: no deployed process runs them.
func (c *checker) skipScope(s *scope) bool { return takesTesting(c.pass.TypesInfo, s.decl) }

// leaveFrom handles one place where a flow leaves mid-drain: a process
// exit is recorded; a function that returns mid-drain makes new starts
// at its calls; a group member at its group's Wait.
func (c *checker) leaveFrom(m *exitModel, st *start, l leave) []*start {
	s := st.scope
	switch {
	case l.kind == leaveExit:
		m.exits = append(m.exits, earlyExit{l, st})
	case c.isMain(s):
		m.exits = append(m.exits, earlyExit{l, st})
	case s.group != nil:
		if m.groups[s.group] != nil || len(m.done[s.group]) > 0 {
			return nil // known already, or a member drains: Wait waits for it
		}
		m.groups[s.group] = st
		return c.callStarts(m, func(call *ast.CallExpr) (*start, bool) {
			if !isGroupMethod(c.pass.TypesInfo, call, "Wait") {
				return nil, false
			}
			if objectof.Var(c.pass.TypesInfo, ast.Unparen(call.Fun).(*ast.SelectorExpr).X) != s.group {
				return nil, false
			}
			return &start{drain: st.drain, what: c.source(call.Fun)}, true
		})
	case s.isLit || c.detached(s):
		// A goroutine or a callback ends; the process goes on.
	default:
		fn, ok := c.pass.TypesInfo.Defs[s.decl.Name].(*types.Func)
		if !ok {
			return nil
		}
		md := m.mid[fn]
		first := md == nil
		if first {
			md = &midDrain{via: st.what, drain: st.drain, own: c.ownDrain(s, st)}
			m.mid[fn] = md
		}
		if l.kind == leaveReturn || l.kind == leaveEnd {
			l.isNil = returnsNilAt(st, l)
			md.leaves = append(md.leaves, l)
		}
		if !first {
			return nil
		}
		return c.callStarts(m, func(call *ast.CallExpr) (*start, bool) {
			if f, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func); !ok || f.Origin() != fn {
				return nil, false
			}
			st := &start{drain: md.drain, what: fn.Name(), callee: fn, kind: unknownServe}
			if md.returnsNil() {
				st.kind = nilOnServed
			}
			return st, md.own || c.drainsCallTargets(m, call)
		})
	}
	return nil
}

// ownDrain reports whether a start's drain runs in a goroutine that the
// function of scope s starts itself, on every path through it (a drain
// started only under a condition, as fiber's Listen does for a
// GracefulContext, cannot be known at the call), or in one its callee
// does.
func (c *checker) ownDrain(s *scope, st *start) bool {
	if st.callee != nil {
		return st.own
	}
	d := st.drain
	if d == nil {
		return false
	}
	// The statement of s that starts the drain: the drain call itself,
	// or the go statement (or call) of the outermost literal it is in.
	var at ast.Node = d.call
	for ds := d.scope; ds != nil; ds = ds.parent {
		if ds == s {
			if ds == d.scope && d.goCall == nil {
				return false // the drain runs in s's own flow
			}
			return ownflow.Always(s.cfg(c.pass.TypesInfo).g, at.Pos())
		}
		if ds.lit != nil {
			at = ds.lit
			if ds.goStmt != nil {
				at = ds.goStmt
			}
		}
	}
	return false
}

// drainsCallTargets reports whether the package drains, beside the
// flow of the call, one of the values a call serves through (its
// receiver or arguments).
func (c *checker) drainsCallTargets(m *exitModel, call *ast.CallExpr) bool {
	s := c.scopeOfNode(call)
	if s == nil {
		return false
	}
	return c.drainBeside(m.drains, s, c.callTargets(call)) != nil
}

// callTargets are the variables a call is made on or given.
func (c *checker) callTargets(call *ast.CallExpr) []*types.Var {
	return c.targetsOf(call)
}

// targetsOf returns the values a call is made on or given that may be a
// server, not a logger, a context or a configuration, which any number
// of calls share.
func (c *checker) targetsOf(call *ast.CallExpr) []*types.Var {
	var exprs []ast.Expr
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		exprs = append(exprs, sel.X)
	}
	var targets []*types.Var
	for _, e := range append(exprs, call.Args...) {
		if v := objectof.Var(c.pass.TypesInfo, e); v != nil && maybeServer(v.Type()) {
			targets = append(targets, v)
		}
	}
	return targets
}

// startsOf finds the starts of the package: serve calls that return as
// a drain begins elsewhere, go statements that begin one at once, and
// calls of functions of other packages that return mid-drain.
func (c *checker) startsOf(m *exitModel) []*start {
	var starts []*start
	served := map[*ast.CallExpr]bool{}
	for _, s := range c.scopes {
		c.ownCalls(s, func(call *ast.CallExpr) {
			targets, fn, kind := c.serveTargets(call)
			if kind == notServe {
				return
			}
			d := c.drainBeside(m.drains, s, targets)
			if d == nil {
				return
			}
			served[call] = true
			starts = append(starts, &start{scope: s, call: call, node: call, drain: d, kind: kind, what: fn.Name(), errVar: c.errVarOf(s, call)})
		})
	}
	starts = append(starts, c.callStarts(m, func(call *ast.CallExpr) (*start, bool) {
		fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
		if !ok || fn.Pkg() == c.pass.Pkg || served[call] {
			return nil, false
		}
		var f ExitFact
		if !c.pass.ImportObjectFact(fn.Origin(), &f) || !f.Mid {
			return nil, false
		}
		st := &start{what: fn.Name(), callee: fn, kind: unknownServe, own: f.Own}
		if f.Nil {
			st.kind = nilOnServed
		}
		return st, f.Own || c.drainsCallTargets(m, call)
	})...)
	for _, d := range m.drains {
		if d.spawn == nil {
			continue
		}
		s := d.scope
		if d.goCall == nil {
			s = d.scope.parent
		}
		if s == nil {
			continue
		}
		starts = append(starts, &start{scope: s, call: d.spawn.Call, node: d.spawn, drain: d, what: "go"})
	}
	return starts
}

// passThrough finds the functions of the package that return as soon as
// a serve call they make returns, drained or not: the same search as for
// a drain, from every serve call, keeping only the returns of named
// functions and of the members of a group (whose Wait then passes too).
func (c *checker) passThrough(m *exitModel) {
	var queue []*start
	for _, s := range c.scopes {
		if c.isMain(s) || (s.isLit && s.group == nil) {
			continue
		}
		c.ownCalls(s, func(call *ast.CallExpr) {
			if _, fn, kind := c.serveTargets(call); kind != notServe {
				queue = append(queue, &start{scope: s, call: call, node: call, kind: kind, what: fn.Name(), errVar: c.errVarOf(s, call)})
			}
		})
	}
	groups := map[*types.Var]bool{}
	for len(queue) > 0 {
		st := queue[0]
		queue = queue[1:]
		s := st.scope
		leaves, unknown := c.search(st, m.done, errClosed)
		if unknown || !slices.ContainsFunc(leaves, func(l leave) bool { return l.kind != leaveExit }) {
			continue
		}
		switch {
		case s.group != nil:
			if groups[s.group] || len(m.done[s.group]) > 0 {
				continue // known, or a member drains: Wait waits for it
			}
			groups[s.group] = true
			queue = append(queue, c.callStarts(m, func(call *ast.CallExpr) (*start, bool) {
				ok := isGroupMethod(c.pass.TypesInfo, call, "Wait") && objectof.Var(c.pass.TypesInfo, ast.Unparen(call.Fun).(*ast.SelectorExpr).X) == s.group
				return &start{what: st.what}, ok
			})...)
		case !s.isLit && !c.isMain(s) && !c.detached(s):
			fn, ok := c.pass.TypesInfo.Defs[s.decl.Name].(*types.Func)
			if !ok || m.passes[fn] != "" {
				continue
			}
			m.passes[fn] = st.what
			queue = append(queue, c.callStarts(m, func(call *ast.CallExpr) (*start, bool) {
				f, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
				return &start{what: st.what}, ok && f.Origin() == fn
			})...)
		}
	}
	c.passes = m.passes
}

// drainBeside returns a drain of one of the servers that runs beside
// scope s (not in its own flow, nor deferred in it), or nil.
func (c *checker) drainBeside(drains []*drain, s *scope, targets []*types.Var) *drain {
	var found *drain
	for _, d := range drains {
		if !shareAny(d.targets, targets) {
			continue
		}
		if d.scope == s && d.goCall == nil {
			continue // it runs after the serve call, in the same flow
		}
		if d.scope.deferred && d.scope.parent == s {
			continue // it runs when s returns
		}
		if found == nil || (found.stop == nil && d.stop != nil) {
			found = d
		}
	}
	return found
}

// callStarts makes a start at each call of the package's own flows that
// match accepts.
func (c *checker) callStarts(m *exitModel, match func(*ast.CallExpr) (*start, bool)) []*start {
	var starts []*start
	for _, s := range c.scopes {
		c.ownCalls(s, func(call *ast.CallExpr) {
			st, ok := match(call)
			if !ok {
				return
			}
			st.scope, st.call, st.node = s, call, call
			if d := st.drain; d != nil && d.scope == s && d.goCall == nil {
				if p, ok := s.pointOf(c.pass.TypesInfo, d.call); ok && c.after(s, p, call) {
					return // the drain ran to its end in this flow, before the call
				}
			}
			if _, _, kind := c.serveTargets(call); kind != notServe && st.kind != nilOnServed {
				st.kind = kind // echo's Start: http.ErrServerClosed comes out of it
			}
			if st.kind != notServe && st.kind != unknownServe {
				st.errVar = c.errVarOf(s, call)
			}
			starts = append(starts, st)
		})
	}
	return starts
}

// ownCalls calls f for each call of a scope's own flow, not in a go or
// defer statement or a literal.
func (c *checker) ownCalls(s *scope, f func(*ast.CallExpr)) {
	ownflow.Inspect(s.body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			f(call)
		}
		return true
	})
}

// errVarOf returns the variable that takes a serve call's error
// (err := srv.Serve(l), or err = srv.Serve(l)); isErr checks that no
// other assignment comes between.
func (c *checker) errVarOf(s *scope, call *ast.CallExpr) *types.Var {
	var v *types.Var
	ast.Inspect(s.body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == 1 && len(as.Rhs) == 1 && ast.Unparen(as.Rhs[0]) == call {
			v = objectof.Var(c.pass.TypesInfo, as.Lhs[0])
		}
		_, lit := n.(*ast.FuncLit)
		return v == nil && !lit
	})
	return v
}

// maybeServer reports whether values of type t can be served or stopped:
// t (or *t) has a method that serves, starts, stops or closes.
func maybeServer(t types.Type) bool {
	if isContext(t) {
		return false
	}
	if _, ok := t.Underlying().(*types.Interface); !ok {
		if _, ok := t.(*types.Pointer); !ok {
			t = types.NewPointer(t)
		}
	}
	ms := types.NewMethodSet(t)
	for i := range ms.Len() {
		name := ms.At(i).Obj().Name()
		for _, prefix := range []string{"Shutdown", "GracefulStop", "Stop", "Close", "Serve", "ListenAndServe", "Listen", "Run", "Start"} {
			if strings.HasPrefix(name, prefix) {
				return true
			}
		}
	}
	return false
}

// isMain reports whether s is the body of func main of package main.
func (c *checker) isMain(s *scope) bool {
	return !s.isLit && c.pass.Pkg.Name() == "main" && s.decl.Recv == nil && s.decl.Name.Name == "main"
}

// midVia names the call whose return started the mid-drain return.
func (m *exitModel) midVia(st *start) string {
	if st.callee != nil {
		if md := m.mid[st.callee]; md != nil {
			return md.via
		}
	}
	return st.what
}

// scopeOfNode returns the innermost scope whose body holds n.
func (c *checker) scopeOfNode(n ast.Node) *scope {
	var best *scope
	for _, s := range c.scopes {
		if s.body.Pos() <= n.Pos() && n.End() <= s.body.End() {
			if best == nil || s.body.Pos() >= best.body.Pos() {
				best = s
			}
		}
	}
	return best
}
