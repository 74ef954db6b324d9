package shutdown

import (
	"go/ast"
	"go/token"
	"go/types"
	"time"

	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sigtermlint/sigtermlint/internal/objectof"
	"github.com/sigtermlint/sigtermlint/internal/ownflow"
)

// A start is the moment, in one flow, from which a drain runs beside it:
// the return of a serve call whose server another flow shuts down, a go
// statement that starts a drain, the return of a call of a function that
// returns mid-drain, or a group's Wait whose members return mid-drain.
type start struct {
	scope *scope
	call  *ast.CallExpr // the serve call, the go statement's call, the call or Wait
	node  ast.Node      // what to report a fall off the end at
	drain *drain        // the drain, when it is in this package
	// errVar holds the serve call's error, and kind what it is when the
	// drain starts; for the branches the flow takes then.
	errVar *types.Var
	kind   serveKind
	what   string // "ListenAndServe", "g.Wait", "run"
	// callee is the function called, for a start at the call of a
	// function that returns mid-drain.
	callee *types.Func
	// own: the callee's drain runs in a goroutine it starts itself.
	own bool
}

// leaveKind says how a flow leaves while the drain runs.
type leaveKind int

const (
	leaveExit   leaveKind = iota // a call that ends the process
	leaveReturn                  // a return statement
	leaveEnd                     // falling off the end of the function
)

// A leave is where a path from a start leaves its flow with no wait for
// the drain's end.
type leave struct {
	kind leaveKind
	at   ast.Node // the exit call, the return, or the start's node for leaveEnd
	// isNil: a return whose error is nil (ExitFact.Nil).
	isNil bool
}

// search follows the flow of st.scope from st through every branch the
// flow can take once the drain started, and returns the places where it
// leaves without waiting for the drain's end. unknown is true when some
// path passes a wait the model cannot place: then nothing is reported.
//
// state is what the serve call returned: errClosed follows the drain;
// errFailed, the paths a failure takes (for the fixes).
func (c *checker) search(st *start, done map[*types.Var][]*drain, state errState) (leaves []leave, unknown bool) {
	info := c.pass.TypesInfo
	s := st.scope
	f := s.cfg(info)
	if f.g == nil {
		return nil, true
	}
	at, ok := f.locate(st.call.Pos())
	if !ok {
		return nil, true
	}
	w := &walk{c: c, st: st, done: done, state: state, seen: map[*cfg.Block]bool{}}
	// The node of the start itself: log.Fatal(srv.ListenAndServe()),
	// return srv.ListenAndServe().
	node := at.block.Nodes[at.index]
	switch w.classify(node, true) {
	case stepExit:
		return []leave{{kind: leaveExit, at: w.exitCall}}, false
	case stepReturn:
		return w.atReturn(node), w.unknown
	case stepSafe, stepStop:
		return nil, false
	case stepUnknown:
		return nil, true
	}
	w.from(at.block, at.index+1)
	return w.leaves, w.unknown
}

type step int

const (
	stepOn      step = iota // nothing here orders or ends the path
	stepSafe                // a wait for the drain's end
	stepUnknown             // a wait the model cannot place
	stepExit                // a call that ends the process
	stepReturn              // a return statement
	stepStop                // the path blocks for good (select {})
)

type walk struct {
	c        *checker
	st       *start
	done     map[*types.Var][]*drain
	state    errState
	seen     map[*cfg.Block]bool
	leaves   []leave
	unknown  bool
	exitCall *ast.CallExpr // set by classify with stepExit
}

// from follows the flow from node index i of block b.
func (w *walk) from(b *cfg.Block, i int) {
	for ; i < len(b.Nodes); i++ {
		n := b.Nodes[i]
		switch w.classify(n, false) {
		case stepSafe, stepStop:
			return
		case stepUnknown:
			w.unknown = true
			return
		case stepExit:
			w.leaves = append(w.leaves, leave{kind: leaveExit, at: w.exitCall})
			return
		case stepReturn:
			w.leaves = append(w.leaves, w.atReturn(n)...)
			return
		}
	}
	succs := w.feasible(b)
	if len(b.Succs) == 0 {
		if b.Kind != cfg.KindUnreachable && b.Live {
			w.leaves = append(w.leaves, w.atReturn(nil)...)
		}
		return
	}
	for _, s := range succs {
		if !w.seen[s] {
			w.seen[s] = true
			w.from(s, 0)
		}
	}
}

// atReturn is what a return (ret, or nil for the end of the function)
// leaves: nothing when a deferred call waits for the drain.
func (w *walk) atReturn(ret ast.Node) []leave {
	for _, d := range w.st.scope.defers {
		switch w.classify(d.Call, false) {
		case stepSafe, stepStop:
			return nil
		case stepUnknown:
			w.unknown = true
			return nil
		}
	}
	// go/cfg materializes the implicit return at the closing brace.
	if ret == nil || ret.Pos() == w.st.scope.body.Rbrace {
		return []leave{{kind: leaveEnd, at: w.st.node}}
	}
	return []leave{{kind: leaveReturn, at: ret}}
}

// feasible returns the successors of b the flow can take once the drain
// started: a branch on the serve call's error takes the side that error
// decides.
func (w *walk) feasible(b *cfg.Block) []*cfg.Block {
	if len(b.Succs) != 2 || len(b.Nodes) == 0 || w.st.errVar == nil || w.st.kind == unknownServe {
		return b.Succs
	}
	cond, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr)
	if !ok {
		return b.Succs
	}
	var v tri
	switch next := b.Succs[0]; {
	case next.Kind == cfg.KindIfThen:
		if is, ok := next.Stmt.(*ast.IfStmt); !ok || is.Cond != cond {
			return b.Succs
		}
		v = w.eval(cond)
	case next.Kind == cfg.KindSwitchCaseBody:
		tag := w.c.switchTag(next.Stmt)
		if tag == nil {
			v = w.eval(cond)
		} else {
			v = w.equal(tag, cond)
		}
	default:
		return b.Succs
	}
	switch v {
	case yes:
		return b.Succs[:1]
	case no:
		return b.Succs[1:]
	}
	return b.Succs
}

// classify says what one node of the flow does to a path that reaches
// it. first: the node holds the start itself.
func (w *walk) classify(n ast.Node, first bool) step {
	c := w.c
	info := c.pass.TypesInfo
	result := stepOn
	var exit *ast.CallExpr
	ownflow.Inspect(n, func(m ast.Node) bool {
		if result == stepSafe || result == stepUnknown || result == stepStop {
			return false
		}
		switch m := m.(type) {
		case *ast.SelectStmt:
			result = c.selectStep(m, w)
			return false
		case *ast.UnaryExpr:
			if m.Op == token.ARROW {
				if s := w.receiveStep(m.X); s != stepOn {
					result = s
				}
				return false
			}
		case *ast.CallExpr:
			if s := w.callStep(m, first); s != stepOn {
				if s == stepExit {
					if exit == nil {
						exit = m
					}
					return true
				}
				result = s
				return false
			}
		}
		return true
	})
	// A range over a channel waits as a receive does.
	if e, ok := n.(ast.Expr); ok && result == stepOn {
		if _, ok := typeUnderChan(info.TypeOf(e)); ok && w.rangeOver(e) {
			result = w.receiveStep(e)
		}
	}
	if result != stepOn {
		return result
	}
	if exit != nil {
		w.exitCall = exit
		return stepExit
	}
	if _, ok := n.(*ast.ReturnStmt); ok {
		return stepReturn
	}
	return stepOn
}

// rangeOver reports whether e is the operand of a range statement of
// the start's scope.
func (w *walk) rangeOver(e ast.Expr) bool {
	found := false
	ast.Inspect(w.st.scope.body, func(n ast.Node) bool {
		if r, ok := n.(*ast.RangeStmt); ok && r.X == e {
			found = true
		}
		_, lit := n.(*ast.FuncLit)
		return !found && !lit
	})
	return found
}

// callStep classifies a call on the path.
func (w *walk) callStep(call *ast.CallExpr, first bool) step {
	c := w.c
	info := c.pass.TypesInfo
	if first && call == w.st.call {
		return stepOn
	}
	switch fn := typeutil.Callee(info, call).(type) {
	case *types.Builtin:
		if fn.Name() == "panic" {
			return stepExit
		}
		return stepOn
	case *types.Func:
		if isPkgFunc(fn, "runtime", "Goexit") {
			return stepStop // ends this goroutine only, not the process
		}
		if c.isExitCall(call) {
			return stepExit
		}
		if isPkgFunc(fn, "time", "Sleep") && len(call.Args) == 1 {
			return w.sleepStep(call.Args[0])
		}
		if isGroupMethod(info, call, "Wait") {
			g := objectof.Var(info, ast.Unparen(call.Fun).(*ast.SelectorExpr).X)
			if g != nil && len(w.done[g]) > 0 && w.reportsThis(w.done[g]) {
				return stepSafe
			}
			return stepUnknown
		}
		if fn.Name() == "Wait" {
			return stepUnknown // a sync.Cond, a library's own wait
		}
		if d := c.drainCall(w.st.scope, call); d != nil {
			return stepSafe // the drain runs here, in the flow's own path
		}
		// A serve call of the drained server returns at once: the path
		// goes on as that call's own start.
		if d := w.st.drain; d != nil {
			if targets, _, kind := c.serveTargets(call); kind != notServe && shareAny(targets, d.targets) {
				return stepStop
			}
		}
		// A call given what reports the drain's end waits for it.
		for _, a := range call.Args {
			if v := objectof.Var(info, a); v != nil && w.reportsThis(w.done[v]) {
				return stepSafe
			}
		}
		if fn.Pkg() == c.pass.Pkg {
			if decl := c.declOf(fn); decl != nil && w.waitsIn(decl.Body) {
				return stepSafe
			}
		}
	}
	return stepOn
}

// reportsThis reports whether one of ds is the start's drain, or any
// drain when the start's drain is not in this package.
func (w *walk) reportsThis(ds []*drain) bool {
	for _, d := range ds {
		if w.st.drain == nil || d == w.st.drain || shareAny(d.targets, w.st.drain.targets) {
			return true
		}
	}
	return false
}

// waitsIn reports whether a function body of the package waits on
// something that reports the drain's end.
func (w *walk) waitsIn(body *ast.BlockStmt) bool {
	found := false
	ownflow.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				if v := objectof.Var(w.c.pass.TypesInfo, n.X); v != nil && w.reportsThis(w.done[v]) {
					found = true
				}
			}
		case *ast.CallExpr:
			if isGroupMethod(w.c.pass.TypesInfo, n, "Wait") {
				if v := objectof.Var(w.c.pass.TypesInfo, ast.Unparen(n.Fun).(*ast.SelectorExpr).X); v != nil && w.reportsThis(w.done[v]) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// receiveStep classifies a receive from x.
func (w *walk) receiveStep(x ast.Expr) step {
	c := w.c
	info := c.pass.TypesInfo
	x = ast.Unparen(x)
	if call, ok := x.(*ast.CallExpr); ok {
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		switch {
		case fn != nil && isPkgFunc(fn, "time", "After") && len(call.Args) == 1:
			return w.sleepStep(call.Args[0])
		case fn != nil && fn.Name() == "Done" && len(call.Args) == 0:
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && isContext(info.TypeOf(sel.X)) {
				return w.doneStep(sel.X)
			}
		}
		return stepUnknown
	}
	v := objectof.Var(info, x)
	if v == nil {
		return stepUnknown
	}
	if w.reportsThis(w.done[v]) {
		return stepSafe
	}
	return stepUnknown
}

// doneStep classifies a receive from ctx.Done(): a wait for the drain
// when the drain's flow cancels ctx after it; no wait at all when ctx
// is already done as the drain starts (the signal's context, or one the
// drain's own flow waited on); else unknown.
func (w *walk) doneStep(ctx ast.Expr) step {
	c := w.c
	l := c.trace(w.st.scope, ctx, ctx.Pos())
	for v := range l.cancels {
		if w.reportsThis(w.done[v]) {
			return stepSafe
		}
	}
	if l.doneAtStop {
		return stepOn
	}
	if d := w.st.drain; d != nil {
		for _, r := range d.scope.receives {
			if r.ctx != nil && l.vars[r.ctx] {
				return stepOn
			}
		}
	}
	return stepUnknown
}

// sleepStep classifies a sleep of d: a wait for the drain only when it
// outlasts the drain's deadline.
func (w *walk) sleepStep(e ast.Expr) step {
	d, ok := w.c.durations().Eval(e)
	if !ok {
		return stepUnknown
	}
	deadline, bounded, known := w.drainDeadline()
	switch {
	case !known:
		return stepUnknown
	case bounded && d >= deadline:
		return stepSafe
	}
	return stepOn
}

// drainDeadline is the deadline of the start's drain: bounded says it
// has one, known whether the analysis can tell.
func (w *walk) drainDeadline() (d time.Duration, bounded, known bool) {
	dr := w.st.drain
	if dr == nil || dr.stop == nil {
		return 0, false, false
	}
	l := w.c.lineageOf(dr.scope, dr.stop)
	switch {
	case l.bounded && l.deadlineKnown:
		return l.deadline, true, true
	case l.rooted && !l.bounded:
		return 0, false, true
	}
	return 0, false, false
}

// selectStep classifies a blocking select: a wait for the drain when one
// of its cases is; else unknown, unless it never blocks (a default) or
// blocks for good (no case).
func (c *checker) selectStep(sel *ast.SelectStmt, w *walk) step {
	if len(sel.Body.List) == 0 {
		return stepStop
	}
	result := stepOn
	for _, cc := range sel.Body.List {
		comm := cc.(*ast.CommClause).Comm
		if comm == nil {
			return stepOn // a default: it does not wait
		}
		var x ast.Expr
		switch comm := comm.(type) {
		case *ast.ExprStmt:
			x = comm.X
		case *ast.AssignStmt:
			if len(comm.Rhs) == 1 {
				x = comm.Rhs[0]
			}
		}
		u, ok := ast.Unparen(x).(*ast.UnaryExpr)
		if !ok || u.Op != token.ARROW {
			result = stepUnknown // a send
			continue
		}
		switch w.receiveStep(u.X) {
		case stepSafe:
			return stepSafe
		case stepUnknown:
			result = stepUnknown
		}
	}
	return result
}

// switchTag returns the tag of the switch statement a case clause
// belongs to, or nil.
func (c *checker) switchTag(clause ast.Stmt) ast.Expr {
	for _, f := range c.pass.Files {
		if f.Pos() > clause.Pos() || clause.End() > f.End() {
			continue
		}
		var tag ast.Expr
		ast.Inspect(f, func(n ast.Node) bool {
			if sw, ok := n.(*ast.SwitchStmt); ok {
				for _, cc := range sw.Body.List {
					if cc == clause {
						tag = sw.Tag
						return false
					}
				}
			}
			return n == nil || (n.Pos() <= clause.Pos() && clause.End() <= n.End())
		})
		return tag
	}
	return nil
}

func typeUnderChan(t types.Type) (*types.Chan, bool) {
	if t == nil {
		return nil, false
	}
	ch, ok := t.Underlying().(*types.Chan)
	return ch, ok
}
