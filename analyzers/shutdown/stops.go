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
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sigtermlint/sigtermlint/internal/durations"
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
			c.report.Report(analysis.Diagnostic{
				Pos: stop.call.Pos(), End: stop.call.End(), Category: CategoryUnboundedShutdown,
				Message: fmt.Sprintf("%s gets a context without a deadline: a stuck connection holds it until SIGKILL cuts the drain, with no log line", stop.name),
			})
			continue
		}
		b := c.budgetOf(s, stop, l, budgets, false)
		budgets[stop] = b
		c.record(stop, b)
		if b.why == "" && !reportedTimeout && b.total >= c.timeout.D {
			reportedTimeout = true
			c.reportTimeout(stop.call.Pos(), stop.call.End(), b.total, strings.Join(b.parts(), " + "))
		}
	}
}

// lineageOf traces a stop's context; a stop that takes a duration makes
// a fresh bounded one at the call.
func (c *checker) lineageOf(s *scope, stop *stopCall) lineage {
	if stop.ctx != nil {
		return c.trace(s, stop.ctx, stop.call.Pos())
	}
	d, ok := c.durations().Eval(stop.timeout)
	return lineage{rooted: true, bounded: true, deadline: d, deadlineKnown: ok, timeoutCall: stop.call}
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
		why := "its context has no deadline: the drain lasts as long as the slowest connection"
		if abandoned {
			why = "its context has no deadline, and nobody waits for it: the process ends when main does"
		}
		b.unknown(call, stop.name+", no deadline", why, call.Pos())
	default:
		pos := l.originPos
		if !pos.IsValid() {
			pos = call.Pos()
		}
		b.unknown(call, stop.name, "its context comes from "+l.origin, pos)
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
