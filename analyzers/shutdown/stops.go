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
			continue
		}
		if l.rooted && !l.bounded {
			if c.abandoned(s, stop) {
				continue // nobody waits for it: its deadline changes nothing
			}
			c.report.Report(analysis.Diagnostic{
				Pos: stop.call.Pos(), End: stop.call.End(), Category: CategoryUnboundedShutdown,
				Message: fmt.Sprintf("%s gets a context without a deadline: a stuck connection holds it until SIGKILL cuts the drain, with no log line", stop.name),
			})
			continue
		}
		b := c.budgetOf(s, stop, l, budgets)
		budgets[stop] = b
		if b != nil && !reportedTimeout && b.total >= c.timeout.D {
			reportedTimeout = true
			d := analysis.Diagnostic{
				Pos: stop.call.Pos(), End: stop.call.End(), Category: CategoryShutdownTimeout,
				Message: fmt.Sprintf("shutdown may take %s (%s) but the stop timeout is %s%s: SIGKILL cuts the drain short",
					fmtDuration(b.total), strings.Join(b.parts, " + "), fmtDuration(c.timeout.D), c.timeoutSource()),
			}
			if m := c.timeout.Manifest; m != nil {
				if pos, ok := m.Pos(c.pass.Fset); ok {
					d.Related = []analysis.RelatedInformation{{Pos: pos, End: pos, Message: "the stop timeout: " + m.Message}}
				}
			}
			c.report.Report(d)
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
		if r.ctx == nil || !l.vars[r.ctx] || c.redefinedBetween(s, r.ctx, receiveNode(r).Pos(), stop.call.Pos()) {
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
			if v == nil || !l.cancels[v] || c.redefinedBetween(s, v, call.Pos(), stop.call.Pos()) {
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

// redefinedBetween reports whether v is assigned in scope s between two
// positions: a receive from its Done() before that says nothing of the
// context it holds after.
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

// budget is the time from the signal to the end of a stop's drain.
type budget struct {
	total time.Duration
	parts []string
}

// budgetOf adds up, for a stop with a known deadline: the sleeps on the
// way from the signal, the deadline, and the budget of an earlier stop
// that returned before this deadline was set. Nil when a part is unknown.
func (c *checker) budgetOf(s *scope, stop *stopCall, l lineage, earlier map[*stopCall]*budget) *budget {
	if !l.bounded || !l.deadlineKnown || l.timeoutCall == nil {
		return nil
	}
	info := c.pass.TypesInfo
	flow := s.cfg(info)
	at, ok := s.pointOf(info, stop.call)
	if !ok {
		return nil
	}
	b := &budget{}
	// The latest earlier stop that returned before this deadline was set:
	// its drain and this one run one after the other.
	var prev *stopCall
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
	from := c.signalPoint(s, at)
	if prev != nil {
		pb := earlier[prev]
		if pb == nil {
			return nil
		}
		b.total, b.parts = pb.total, append(b.parts, pb.parts...)
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
			return nil
		}
		b.total += d
		b.parts = append(b.parts, "sleep "+fmtDuration(d))
	}
	b.total += l.deadline
	b.parts = append(b.parts, stop.name+" deadline "+fmtDuration(l.deadline))
	return b
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

// fmtDuration prints 30s, 1m30s, 2m, 500ms.
func fmtDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
