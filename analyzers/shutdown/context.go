package shutdown

import (
	"go/ast"
	"go/token"
	"go/types"
	"time"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sigtermlint/sigtermlint/internal/objectof"
)

// lineage is what the analysis knows of a context given to Shutdown.
type lineage struct {
	// vars are the context variables it derives from, through derivations
	// that keep cancellation (WithTimeout, WithValue, NotifyContext...);
	// a receive from any one's Done() means it is done.
	vars map[*types.Var]bool
	// cancels are the cancel functions of those derivations.
	cancels map[*types.Var]bool
	// reads are where the trace took each of those variables' values: a
	// variable rebound from itself (ctx, cancel := WithTimeout(ctx, d))
	// is read twice, once for each value. A receive from v.Done() means
	// the context is done only when v holds, at the receive, the value
	// the trace read.
	reads []varAt
	// cancelDefs are where each cancel function was made, with the
	// context the trace went through.
	cancelDefs []varAt
	// rooted: every step was resolved, down to context.Background() or
	// TODO(); a parameter or an unknown call leaves it false.
	rooted bool
	// bounded: a WithTimeout or WithDeadline that still applies.
	bounded bool
	// deadline is the shortest known timeout among them; known says
	// whether every one of them was resolved.
	deadline      time.Duration
	deadlineKnown bool
	// timeoutCall is the WithTimeout/WithDeadline call nearest to
	// Shutdown, and timeoutParent its parent argument, for the fix and
	// for sequencing.
	timeoutCall *ast.CallExpr
	// origin says where the trace stopped when it is not rooted ("the
	// parameter ctx of Run"), and originPos where; for explaining.
	origin    string
	originPos token.Pos
	// doneAtStop: a NotifyContext or errgroup.WithContext is on the
	// chain, a context that is done by the time a drain starts.
	doneAtStop bool
}

// varAt is a variable and a position at which its value counts.
type varAt struct {
	v  *types.Var
	at token.Pos
}

// contextFunc names the context-making function a call is, or "".
func contextFunc(info *types.Info, call *ast.CallExpr) string {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Type().(*types.Signature).Recv() != nil {
		return ""
	}
	switch fn.Pkg().Path() {
	case "context":
		switch fn.Name() {
		case "Background", "TODO", "WithTimeout", "WithDeadline", "WithTimeoutCause", "WithDeadlineCause",
			"WithCancel", "WithCancelCause", "WithValue", "WithoutCancel":
			return fn.Name()
		}
	case "os/signal":
		if fn.Name() == "NotifyContext" {
			return "NotifyContext"
		}
	case "golang.org/x/sync/errgroup":
		if fn.Name() == "WithContext" {
			return "WithContext"
		}
	}
	return ""
}

// trace follows a context expression back to its origin, as seen from
// the point at (within scope s).
func (c *checker) trace(s *scope, e ast.Expr, at token.Pos) lineage {
	l := lineage{vars: map[*types.Var]bool{}, cancels: map[*types.Var]bool{}, deadlineKnown: true}
	cut := false // past a WithoutCancel: cancellation and deadlines above it do not reach
	seen := map[varAt]bool{}
	for depth := 0; depth < 32; depth++ {
		e = ast.Unparen(e)
		switch x := e.(type) {
		case *ast.CallExpr:
			name := contextFunc(c.pass.TypesInfo, x)
			switch name {
			case "Background", "TODO":
				l.rooted = true
				return l
			case "WithTimeout", "WithTimeoutCause", "WithDeadline", "WithDeadlineCause":
				if !cut {
					c.addDeadline(&l, x, name)
				}
			case "NotifyContext", "WithContext":
				l.doneAtStop = l.doneAtStop || !cut
			case "WithCancel", "WithCancelCause", "WithValue":
			case "WithoutCancel":
				cut = true
			default:
				l.origin, l.originPos = "a call sigtermlint cannot see into", x.Pos()
				return l // a context from a call we cannot see into
			}
			if len(x.Args) == 0 {
				l.origin, l.originPos = "a call sigtermlint cannot see into", x.Pos()
				return l
			}
			e = x.Args[0]
		case *ast.Ident, *ast.SelectorExpr:
			v := objectof.Var(c.pass.TypesInfo, x)
			if v == nil || seen[varAt{v, at}] {
				l.origin, l.originPos = "an expression sigtermlint cannot follow", x.Pos()
				return l
			}
			seen[varAt{v, at}] = true
			if !cut {
				l.vars[v] = true
				l.reads = append(l.reads, varAt{v, at})
			}
			d, ok := c.reachingDef(s, v, at)
			if !ok || d.value == nil {
				l.origin, l.originPos = c.describeVar(s, v), v.Pos()
				return l // a parameter, a field, or several definitions
			}
			if d.cancel != nil && !cut {
				l.cancels[d.cancel] = true
				l.cancelDefs = append(l.cancelDefs, varAt{d.cancel, d.cancelPos})
			}
			// The value's own variables are read where it is assigned:
			// in ctx, cancel := context.WithTimeout(ctx, d), the ctx on
			// the right is the one before.
			e, at = d.value, d.pos
		default:
			l.origin, l.originPos = "an expression sigtermlint cannot follow", x.Pos()
			return l
		}
	}
	l.origin = "a chain of assignments too long to follow"
	return l
}

// describeVar says what a context variable whose value cannot be traced
// is: a parameter of the scope's function, a field, or a variable with
// several definitions.
func (c *checker) describeVar(s *scope, v *types.Var) string {
	if v.IsField() {
		return "the field " + v.Name()
	}
	if fn, ok := c.pass.TypesInfo.Defs[s.decl.Name].(*types.Func); ok && !s.isLit {
		params := fn.Type().(*types.Signature).Params()
		for i := 0; i < params.Len(); i++ {
			if params.At(i) == v {
				return "the parameter " + v.Name() + " of " + fn.Name()
			}
		}
	}
	switch {
	case v.Pkg() != c.pass.Pkg:
		return "the variable " + v.Name() + " of package " + v.Pkg().Name()
	case len(c.defsOf(v)) == 0:
		return "the parameter " + v.Name() // of a function literal
	}
	return v.Name() + ", assigned in several places"
}

// addDeadline records the deadline of a WithTimeout or WithDeadline call.
func (c *checker) addDeadline(l *lineage, call *ast.CallExpr, name string) {
	l.bounded = true
	if l.timeoutCall == nil {
		l.timeoutCall = call
	}
	var d time.Duration
	ok := false
	if len(call.Args) >= 2 {
		switch name {
		case "WithTimeout", "WithTimeoutCause":
			d, ok = c.durations().Eval(call.Args[1])
		default:
			d, ok = c.sinceNow(call.Args[1])
		}
	}
	if !ok {
		l.deadlineKnown = false
		return
	}
	if l.deadline == 0 || d < l.deadline {
		l.deadline = d
	}
}

// sinceNow resolves time.Now().Add(d) to d.
func (c *checker) sinceNow(e ast.Expr) (time.Duration, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return 0, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Add" {
		return 0, false
	}
	now, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	if !ok {
		return 0, false
	}
	if fn, ok := typeutil.Callee(c.pass.TypesInfo, now).(*types.Func); !ok || !isPkgFunc(fn, "time", "Now") {
		return 0, false
	}
	return c.durations().Eval(call.Args[0])
}

// reachingDef returns the definition of v that holds at position at of
// scope s: its only definition, or the last one before at in the same
// scope when that one is on every path to at.
func (c *checker) reachingDef(s *scope, v *types.Var, at token.Pos) (def, bool) {
	defs := c.defsOf(v)
	if len(defs) == 1 {
		return defs[0], defs[0].pos < at || defs[0].scope != s
	}
	var last *def
	for i := range defs {
		d := &defs[i]
		if d.scope != s {
			return def{}, false
		}
		if d.pos < at && (last == nil || d.pos > last.pos) {
			last = d
		}
	}
	if last == nil {
		return def{}, false
	}
	info := c.pass.TypesInfo
	dp, ok1 := s.cfg(info).locate(last.pos)
	ap, ok2 := s.cfg(info).locate(at)
	if !ok1 || !ok2 || !(dp == ap || s.cfg(info).dominates(dp, ap)) {
		return def{}, false
	}
	return *last, true
}
