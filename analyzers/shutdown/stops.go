package shutdown

import (
	"sort"
)

// checkStops reports, for each graceful stop of a scope, the first of
// cancelled-context, unbounded-shutdown and shutdown-timeout that applies
// (each rule in the file named after it).
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
		c.checkLongLived(s, stop, l)
		if l.rooted && !l.bounded {
			abandoned := c.abandoned(s, stop)
			c.record(stop, c.budgetOf(s, stop, l, budgets, abandoned))
			if !abandoned { // nobody waits for an abandoned stop: its deadline changes nothing
				c.checkUnbounded(s, stop)
			}
			continue
		}
		b := c.budgetOf(s, stop, l, budgets, false)
		budgets[stop] = b
		c.record(stop, b)
		if !reportedTimeout {
			reportedTimeout = c.checkTimeout(s, stop, b)
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
