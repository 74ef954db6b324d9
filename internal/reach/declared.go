package reach

import (
	"fmt"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/directive"
	"github.com/sigtermlint/sigtermlint/internal/objectof"
)

// SignalBit returns the bit of a signal the rules follow, by its
// canonical name ("SIGTERM"); false for the others (SIGHUP, SIGUSR1...),
// which a declaration may name and which change nothing.
func SignalBit(name string) (Bits, bool) {
	switch name {
	case "SIGTERM":
		return SigTERM, true
	case "SIGINT":
		return SigINT, true
	case "SIGQUIT":
		return SigQUIT, true
	}
	return 0, false
}

// declaredServe follows the name of a function declared to serve in
// serve chains.
const declaredServe = " (declared by " + directive.Prefix + directive.Serves + ")"

// declared is a declaration, and the item it becomes in its node once
// checked against what the code shows.
type declared struct {
	d     directive.Directive
	node  *node
	it    *item
	holds bool // not contradicted: the item is added
}

// addDeclarations reads the package's //sigtermlint:serves, handles and
// stops-within declarations and makes each an item for its node: the
// declared function (or, for a program-wide one, package main's
// initialization) reaches what the declaration says, as if its body made
// the call, so the facts carry it to every caller and the declaration
// works across packages and under go vet. The items are added once
// checked against what the code shows (contradicted); the malformed
// declarations are returned as problems.
func addDeclarations(pass *analysis.Pass, byFunc map[*types.Func]*node, inits []*node) ([]declared, []directive.Problem) {
	if !directive.Has(pass.Files) {
		return nil, nil
	}
	decls, problems := directive.Parse(pass.Files, pass.Pkg.Name())
	var out []declared
	for _, d := range decls {
		var n *node
		switch {
		case d.Func != nil:
			fn, _ := pass.TypesInfo.Defs[d.Func.Name].(*types.Func)
			n = byFunc[fn]
			if n == nil {
				for _, in := range inits {
					if in.decl == d.Func {
						n = in // an init function
					}
				}
			}
		case d.Name != directive.Manifest:
			n = inits[len(inits)-1] // package main's initialization: the program
		}
		if n == nil {
			continue
		}
		it := &item{pos: d.Pos, end: d.End}
		switch d.Name {
		case directive.Serves:
			it.bits = Serve
			it.via = objectof.FuncName(n.fn) + declaredServe
		case directive.Handles:
			for _, s := range d.Signals {
				b, _ := SignalBit(s)
				it.bits |= b
			}
			it.notify = true
		case directive.StopsWithin:
			it.bits = Stop
		default:
			continue
		}
		out = append(out, declared{d: d, node: n, it: it, holds: true})
	}
	return out, problems
}

// contradicted checks each handles declaration on a function against
// the signal handling the function's code reaches, computed before any
// declaration of the package is applied: when that is resolved (no
// unknown list, no signal parameter) and shares no signal with the
// declaration, the declaration describes another function than the
// code, and it is reported and not applied. A declaration that adds
// signals to those the code shows holds.
func contradicted(decls []declared) []directive.Problem {
	var out []directive.Problem
	const sigs = SigTERM | SigINT | SigQUIT
	for i := range decls {
		dc := &decls[i]
		if dc.d.Name != directive.Handles || dc.d.Func == nil {
			continue
		}
		proven := dc.node.bits
		if proven&sigs == 0 || proven&SigUnknown != 0 || dc.node.sigParam != 0 {
			continue // nothing visible, or not resolved: the declaration adds what cannot be seen
		}
		if dc.it.bits&proven&sigs != 0 {
			continue
		}
		dc.holds = false
		out = append(out, directive.Problem{
			Pos: dc.d.Pos, End: dc.d.End,
			Message: fmt.Sprintf("%s%s on %s says it handles %s, but the signal handling it reaches handles %s; the declaration is ignored",
				directive.Prefix, directive.Handles, dc.d.Func.Name.Name, strings.Join(dc.d.Signals, ", "), SignalNames(proven&sigs)),
		})
	}
	return out
}

// SignalNames names the signal bits: "SIGINT", "SIGTERM, SIGINT".
func SignalNames(b Bits) string {
	var names []string
	for _, s := range []string{"SIGTERM", "SIGINT", "SIGQUIT"} {
		if bit, _ := SignalBit(s); b&bit != 0 {
			names = append(names, s)
		}
	}
	return strings.Join(names, ", ")
}

// reset forgets what propagate computed, before it runs again.
func reset(nodes []*node) {
	for _, n := range nodes {
		n.bits, n.sigParam, n.via, n.callers = 0, 0, "", nil
	}
}
