package shutdown

import (
	"go/ast"
	"go/token"
	"time"

	"github.com/sigtermlint/sigtermlint/internal/durations"
)

// Budgets: the time from the signal to the end of each drain, which
// shutdown-timeout holds against the stop timeout and -explain shows.

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
