package reach

import (
	"go/types"
	"strings"

	"github.com/sigtermlint/sigtermlint/internal/objectof"
)

// propagate computes what each node reaches, transitively through the
// package's own functions, by a worklist over the callers of each node
// that changed. Chains prefer the fewest hops, then source order, so
// messages are short and stable.
func propagate(nodes []*node, eval func(n *node) *signalEval) {
	for _, n := range nodes {
		for _, it := range n.items {
			if it.callee != nil {
				it.callee.callers = append(it.callee.callers, n)
			}
		}
	}
	queue := append([]*node(nil), nodes...)
	queued := make(map[*node]bool, len(nodes))
	for _, n := range nodes {
		queued[n] = true
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		queued[n] = false
		if !n.recompute(eval) {
			continue
		}
		for _, c := range n.callers {
			if !queued[c] {
				queued[c] = true
				queue = append(queue, c)
			}
		}
	}
}

// recompute derives the node's summary from its items and reports
// whether it changed.
func (n *node) recompute(eval func(n *node) *signalEval) bool {
	var bits Bits
	param := 0
	via := ""
	for _, it := range n.items {
		b, p, v := it.contribution(n, eval)
		bits |= b
		if p != 0 {
			if param == 0 {
				param = p
			} else if p != param {
				bits |= SigUnknown
			}
		}
		if b&Serve != 0 && v != "" && (via == "" || hops(v) < hops(via)) {
			via = v
		}
	}
	changed := bits != n.bits || param != n.sigParam || via != n.via
	n.bits, n.sigParam, n.via = bits, param, via
	return changed
}

// contribution is what an item adds to its node: its own bits, or its
// callee's summary with the callee's signal parameter resolved at the call.
func (it *item) contribution(n *node, eval func(n *node) *signalEval) (Bits, int, string) {
	c := it.callee
	if c == nil {
		return it.bits, it.sigParam, it.via
	}
	bits := c.bits &^ (ServeErr | it.mask) // returning it is the callee's business
	if !it.blocking {
		bits &^= ServeSync
	}
	via := ""
	if c.via != "" && it.mask&Serve == 0 {
		via = c.via // a variable's value: the chain goes on from the function it holds
		if c.fn != nil {
			via = joinVia(objectof.FuncName(c.fn), c.via)
		}
	}
	param := 0
	if c.sigParam > 0 {
		if it.call == nil {
			bits |= SigUnknown // a mention: the arguments are not known here
		} else {
			if !it.solved {
				s := eval(n).argsFor(it.call, c.fn.Type().(*types.Signature), c.sigParam)
				if s.bits&(SigTERM|SigINT) == 0 && s.n == 0 && s.param == 0 {
					s = s.all()
				}
				it.calls, it.solved = s, true
				if it.intElem == nil {
					it.intElem = s.intElem
				}
				if it.killElem == nil {
					it.killElem = s.killElem
				}
			}
			bits |= it.calls.bits
			param = it.calls.param
		}
	}
	return bits, param, via
}

func hops(via string) int { return strings.Count(via, " -> ") }
