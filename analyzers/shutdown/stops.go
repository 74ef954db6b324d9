package shutdown

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sigtermlint/sigtermlint/internal/durations"
	"github.com/sigtermlint/sigtermlint/internal/ownflow"
	"github.com/sigtermlint/sigtermlint/internal/typeshelper"
)

// checkStops reports, for each graceful stop of a scope, the first of
// cancelled-context, unbounded-shutdown and shutdown-timeout that applies.
func (c *checker) checkStops(s *scope) {
	if len(s.stops) == 0 {
		return
	}
	sort.Slice(s.stops, func(i, j int) bool { return s.stops[i].call.Pos() < s.stops[j].call.Pos() })
	budgets := map[*stopCall]*budget{}
	reportedTimeout := false
	for _, stop := range s.stops {
		l := c.lineageOf(s, stop)
		if d, ok := c.cancelled(s, stop, l); ok {
			c.report.Report(d)
			c.record(stop, c.cancelledBudget(s, stop))
			continue
		}
		if l.rooted && !l.bounded {
			abandoned := c.abandoned(s, stop)
			c.record(stop, c.budgetOf(s, stop, l, budgets, abandoned))
			if abandoned {
				continue // nobody waits for it: its deadline changes nothing
			}
			if c.forwarded(s, stop) {
				continue // judged at the calls of the function it is in
			}
			c.report.Report(analysis.Diagnostic{
				Pos: stop.call.Pos(), End: stop.call.End(), Category: CategoryUnboundedShutdown,
				Message: c.unboundedMessage(stop),
			})
			continue
		}
		b := c.budgetOf(s, stop, l, budgets, false)
		budgets[stop] = b
		c.record(stop, b)
		total, why := b.total, strings.Join(b.parts(), " + ")
		if limit, ok := c.hookCaps[s]; ok && limit < total {
			// An fx OnStop hook: fx stops waiting for it there.
			total, why = limit, why+", cut at fx's StopTimeout "+durations.Format(limit)
		}
		if b.why == "" && !reportedTimeout && total >= c.timeout.D {
			reportedTimeout = true
			c.reportTimeout(stop.call.Pos(), stop.call.End(), total, why)
		}
	}
}

// lineageOf traces a stop's context; a stop that takes a duration makes
// a fresh bounded one at the call; grpc's GracefulStop is bounded by a
// timed fallback to Stop(), if any; a function that stops without a
// deadline has none.
func (c *checker) lineageOf(s *scope, stop *stopCall) lineage {
	switch {
	case stop.ctx != nil:
		return c.trace(s, stop.ctx, stop.call.Pos())
	case stop.grpc:
		return c.fallback(s, stop)
	case stop.noDeadline:
		return lineage{rooted: true}
	}
	d, ok := c.durations().Eval(stop.timeout)
	return lineage{rooted: true, bounded: true, deadline: d, deadlineKnown: ok, timeoutCall: stop.call}
}

// unboundedMessage says what unbounded-shutdown found at a stop.
func (c *checker) unboundedMessage(stop *stopCall) string {
	switch {
	case stop.grpc:
		return stop.name + " has no deadline and nothing calls Stop after a timeout: a stuck RPC or stream holds it until SIGKILL cuts the drain, with no log line"
	case stop.noDeadline:
		name := c.source(stop.call.Fun)
		if name == "" {
			name = stop.name
		}
		return name + " gives its graceful stop a context without a deadline: a stuck connection holds it until SIGKILL cuts the drain, with no log line"
	}
	return stop.name + " gets a context without a deadline: a stuck connection holds it until SIGKILL cuts the drain, with no log line"
}

// forwarded reports whether a stop without a deadline is judged at the
// calls of the function it is in rather than here: the function is one
// that other packages may call, and runs the stop in its own flow
// (reach.FuncFact.StopNoDeadline). Reported here and at each call, the
// one bug would be reported twice.
func (c *checker) forwarded(s *scope, stop *stopCall) bool {
	if s.isLit || stop.grpc || stop.deferred {
		return false
	}
	fn, ok := c.pass.TypesInfo.Defs[s.decl.Name].(*types.Func)
	if !ok {
		return false
	}
	f := c.reach.Fact(fn)
	return f != nil && f.StopNoDeadline && ownflow.TopLevel(s.decl.Body, stop.call.Pos())
}

// reportTimeout reports shutdown-timeout at pos: the drain may take d
// (why: its parts, or what sets it), at least the stop timeout, with the
// manifest line of the stop timeout as related information.
func (c *checker) reportTimeout(pos, end token.Pos, d time.Duration, why string) {
	diag := analysis.Diagnostic{
		Pos: pos, End: end, Category: CategoryShutdownTimeout,
		Message: fmt.Sprintf("shutdown may take %s (%s) but the stop timeout is %s%s: SIGKILL cuts the drain short",
			durations.Format(d), why, durations.Format(c.timeout.D), c.timeoutSource()),
	}
	if m := c.timeout.Manifest; m != nil {
		if at, ok := m.Pos(c.pass.Fset); ok {
			diag.Related = []analysis.RelatedInformation{{Pos: at, End: at, Message: "the stop timeout: " + m.Message}}
		}
	}
	c.report.Report(diag)
}

// timeoutSource says where a non-default stop timeout came from.
func (c *checker) timeoutSource() string {
	if c.timeout.Source == "the default" {
		return ""
	}
	return " (" + c.timeout.Source + ")"
}

// cancelled reports a stop whose context is done when it runs.
func (c *checker) cancelled(s *scope, stop *stopCall, l lineage) (analysis.Diagnostic, bool) {
	info := c.pass.TypesInfo
	at, ok := s.pointOf(info, stop.call)
	if !ok {
		return analysis.Diagnostic{}, false
	}
	var why ast.Node
	var what string
	for _, r := range s.receives {
		if r.ctx == nil || !l.vars[r.ctx] || !c.heldAt(s, l.reads, r.ctx, receiveNode(r).Pos()) {
			continue
		}
		if p, ok := s.receivePoint(info, r); ok && s.cfg(info).dominates(p, at) {
			why, what = receiveNode(r), r.ctx.Name()+" is done here"
			break
		}
	}
	if why == nil {
		for _, call := range s.cancels {
			v, _ := typeutil.Callee(info, call).(*types.Var)
			if v == nil || !l.cancels[v] || !c.cancelsDef(s, l.cancelDefs, v, call.Pos()) {
				continue
			}
			if p, ok := s.pointOf(info, call); ok && s.cfg(info).dominates(p, at) {
				why, what = call, v.Name()+" cancels it here"
				break
			}
		}
	}
	if why == nil {
		return analysis.Diagnostic{}, false
	}
	return analysis.Diagnostic{
		Pos: stop.call.Pos(), End: stop.call.End(), Category: CategoryCancelledContext,
		Message:        fmt.Sprintf("%s gets a context that is already cancelled: it returns at once and drains nothing", stop.name),
		Related:        []analysis.RelatedInformation{{Pos: why.Pos(), End: why.End(), Message: what}},
		SuggestedFixes: c.detachFix(stop, l),
	}, true
}

// heldAt reports whether, at position at of scope s, the context
// variable v holds a value the trace read (it is not assigned in s in
// between): a receive from its Done() there is a receive from that
// context's Done(). In `<-ctx.Done(); ctx, cancel :=
// context.WithTimeout(ctx, d)` the receive is from the value the new ctx
// derives from; with context.Background() in its place, the receive says
// nothing of the context ctx holds after.
func (c *checker) heldAt(s *scope, reads []varAt, v *types.Var, at token.Pos) bool {
	for _, r := range reads {
		if r.v == v && !c.redefinedBetween(s, v, min(at, r.at), max(at, r.at)) {
			return true
		}
	}
	return false
}

// cancelsDef reports whether a call of the cancel function v at position
// at of scope s cancels a context the trace went through: v was made
// with it before at, and not assigned again in between.
func (c *checker) cancelsDef(s *scope, defs []varAt, v *types.Var, at token.Pos) bool {
	for _, d := range defs {
		if d.v == v && d.at < at && !c.redefinedBetween(s, v, d.at, at) {
			return true
		}
	}
	return false
}

// redefinedBetween reports whether v is assigned in scope s strictly
// between two positions.
func (c *checker) redefinedBetween(s *scope, v *types.Var, from, to token.Pos) bool {
	for _, d := range c.defs[v] {
		if d.scope == s && from < d.pos && d.pos < to {
			return true
		}
	}
	return false
}

func receiveNode(r receive) ast.Node {
	if r.clause != nil {
		return r.clause.Comm
	}
	return r.at
}

// budget is the time from the signal to the end of a stop's drain, step
// by step. When why is set, the total is unknown: the steps end with the
// one that makes it so.
type budget struct {
	total     time.Duration
	steps     []Step
	why       string
	whyPos    token.Pos
	unbounded bool // nothing bounds the drain
	cancelled bool // the stop drains nothing
}

// parts are the steps as the shutdown-timeout message lists them.
func (b *budget) parts() []string {
	parts := make([]string, len(b.steps))
	for i, st := range b.steps {
		parts[i] = st.What
	}
	return parts
}

// add appends a step of known length.
func (b *budget) add(n ast.Node, what string, d time.Duration) {
	b.total += d
	b.steps = append(b.steps, Step{Pos: n.Pos(), End: n.End(), What: what, D: d, Known: true})
}

// unknown appends a step of unknown length, which makes the total
// unknown for why, pointing at pos.
func (b *budget) unknown(n ast.Node, what, why string, pos token.Pos) *budget {
	b.steps = append(b.steps, Step{Pos: n.Pos(), End: n.End(), What: what})
	b.why, b.whyPos = why, pos
	return b
}

// budgetOf adds up, for a stop: the sleeps on the way from the signal,
// the deadline, and the budget of an earlier stop that returned before
// this deadline was set. Its why says what is unknown: the deadline is
// missing (abandoned: and nobody waits for the stop) or cannot be
// resolved, a sleep cannot, or the earlier stop's budget is unknown.
func (c *checker) budgetOf(s *scope, stop *stopCall, l lineage, earlier map[*stopCall]*budget, abandoned bool) *budget {
	b, ok := c.leadIn(s, stop, l, earlier)
	if !ok {
		return b
	}
	call := stop.call
	switch {
	case l.bounded && l.deadlineKnown && l.timeoutCall != nil && stop.grpc:
		b.add(call, stop.name+", then Stop after "+durations.Format(l.deadline), l.deadline)
	case l.bounded && l.deadlineKnown && l.timeoutCall != nil:
		b.add(call, stop.name+" deadline "+durations.Format(l.deadline), l.deadline)
	case l.bounded:
		pos := call.Pos()
		if l.timeoutCall != nil {
			pos = l.timeoutCall.Pos()
		}
		b.unknown(call, stop.name+" deadline unknown", "its deadline cannot be resolved", pos)
	case l.rooted:
		b.unbounded = true
		what := "its context has no deadline"
		switch {
		case stop.grpc:
			what = "it has no deadline and nothing calls Stop after a timeout"
		case stop.noDeadline:
			what = "it gives its graceful stop a context without a deadline"
		}
		why := what + ": the drain lasts as long as the slowest connection"
		if abandoned {
			why = what + ", and nobody waits for it: the process ends when main does"
		}
		b.unknown(call, stop.name+", no deadline", why, call.Pos())
	default:
		pos := l.originPos
		if !pos.IsValid() {
			pos = call.Pos()
		}
		why := "its context comes from " + l.origin
		if stop.grpc {
			why = "its bound depends on " + l.origin
		}
		b.unknown(call, stop.name, why, pos)
	}
	return b
}

// cancelledBudget is the budget of a stop whose context is already done:
// the sleeps on the way, then the stop, which returns at once.
func (c *checker) cancelledBudget(s *scope, stop *stopCall) *budget {
	b, ok := c.leadIn(s, stop, lineage{}, nil)
	if ok {
		b.cancelled = true
		b.add(stop.call, stop.name+" returns at once: its context is already cancelled", 0)
	}
	return b
}

// leadIn returns the steps from the signal to a stop's call: the budget
// of the latest earlier stop that returned before this stop's deadline
// was set (their drains run one after the other), then the sleeps on
// the way from the signal, or from that earlier stop. False when the
// budget is already unknown (and says why).
func (c *checker) leadIn(s *scope, stop *stopCall, l lineage, earlier map[*stopCall]*budget) (*budget, bool) {
	info := c.pass.TypesInfo
	flow := s.cfg(info)
	b := &budget{}
	at, ok := s.pointOf(info, stop.call)
	if !ok {
		return b.unknown(stop.call, stop.name, "sigtermlint cannot place it in its function's flow", stop.call.Pos()), false
	}
	var prev *stopCall
	if l.timeoutCall != nil {
		if tp, ok := s.pointOf(info, l.timeoutCall); ok {
			for _, e := range s.stops {
				if e == stop {
					break
				}
				if ep, ok := s.pointOf(info, e.call); ok && flow.dominates(ep, tp) {
					prev = e
				}
			}
		}
	}
	from := c.signalPoint(s, at)
	if prev != nil {
		pb := earlier[prev]
		if pb == nil || pb.why != "" {
			return b.unknown(stop.call, stop.name, "it runs after the "+prev.name+" before it, whose time is unknown", prev.call.Pos()), false
		}
		b.total, b.steps = pb.total, append(b.steps, pb.steps...)
		if pp, ok := s.pointOf(info, prev.call); ok {
			from = &pp
		}
	}
	for _, sl := range s.sleeps {
		sp, ok := s.pointOf(info, sl)
		if !ok || !flow.dominates(sp, at) || (from != nil && !flow.dominates(*from, sp)) {
			continue
		}
		d, ok := c.durations().Eval(sl.Args[0])
		if !ok {
			b.unknown(sl, "sleep of unknown length", "a sleep on the way cannot be resolved", sl.Pos())
			b.steps[len(b.steps)-1].Sleep = true
			return b, false
		}
		b.add(sl, "sleep "+durations.Format(d), d)
		b.steps[len(b.steps)-1].Sleep = true
	}
	return b, true
}

// signalPoint returns the receive of a signal or a context's Done() on
// every path to at, the latest one, or nil: sleeps count from there.
func (c *checker) signalPoint(s *scope, at point) *point {
	info := c.pass.TypesInfo
	var best *point
	for _, r := range s.receives {
		p, ok := s.receivePoint(info, r)
		if !ok || !s.cfg(info).dominates(p, at) {
			continue
		}
		if best == nil || s.cfg(info).dominates(*best, p) {
			q := p
			best = &q
		}
	}
	return best
}

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
		recv = typeshelper.VarOf(c.pass.TypesInfo, sel.X)
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
				u := hardStop{path: path, recv: typeshelper.VarOf(info, sel.X)}
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
		if v := typeshelper.VarOf(info, ch.X); v != nil {
			if defs := c.defs[v]; len(defs) == 1 {
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
