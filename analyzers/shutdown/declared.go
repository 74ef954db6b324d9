package shutdown

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sigtermlint/sigtermlint/internal/directive"
	"github.com/sigtermlint/sigtermlint/internal/durations"
	"github.com/sigtermlint/sigtermlint/internal/stoptimeout"
)

// checkDeclaredStops judges each //sigtermlint:stops-within D declaration
// like a Shutdown deadline: D at least the stop timeout is
// shutdown-timeout. A declaration on a function whose own graceful stops
// visibly take longer than D (no deadline, or a longer one) contradicts
// what the analysis proves: that is bad-directive, and the stops are
// judged on their own.
func (c *checker) checkDeclaredStops() {
	for _, d := range c.reach.Declared {
		if d.Name != directive.StopsWithin {
			continue
		}
		if msg := c.contradiction(d); msg != "" {
			c.report.Report(analysis.Diagnostic{Pos: d.Pos, End: d.End, Category: directive.BadDirective, Message: msg})
			continue
		}
		what := "the program"
		if d.Func != nil {
			what = d.Func.Name.Name
		}
		c.stopsSeen = append(c.stopsSeen, Stop{
			Pos: d.Pos, End: d.End, Name: what, Known: true, Total: d.D,
			Steps: []Step{{Pos: d.Pos, End: d.End, D: d.D, Known: true,
				What: fmt.Sprintf("%s stops within %s (declared)", what, durations.Format(d.D))}},
		})
		if d.D < c.timeout.D {
			continue
		}
		c.reportTimeout(d.Pos, d.End, d.D, because(d.Pos, d.End, fmt.Sprintf("declared by %s%s for %s", directive.Prefix, directive.StopsWithin, what)))
	}
}

// contradiction says how the graceful stops in the declared function's
// own body outlast its declaration, or "".
func (c *checker) contradiction(d directive.Directive) string {
	if d.Func == nil {
		return ""
	}
	for _, s := range c.scopes {
		if s.decl != d.Func {
			continue
		}
		for _, stop := range s.stops {
			l := c.lineageOf(s, stop)
			where := directive.Where(c.pass.Fset, stop.call.Pos())
			switch {
			case l.rooted && !l.bounded:
				what := "whose context has no deadline"
				if stop.grpc {
					what = "which has no deadline and no Stop after a timeout"
				}
				return fmt.Sprintf("%s%s %s on %s contradicts its %s at %s, %s; the declaration is ignored",
					directive.Prefix, directive.StopsWithin, durations.Format(d.D), d.Func.Name.Name, stop.name, where, what)
			case l.bounded && l.deadlineKnown && l.deadline > d.D:
				return fmt.Sprintf("%s%s %s on %s contradicts its %s at %s, whose deadline is %s; the declaration is ignored",
					directive.Prefix, directive.StopsWithin, durations.Format(d.D), d.Func.Name.Name, stop.name, where, durations.Format(l.deadline))
			}
		}
	}
	return ""
}

// checkDeclaredCalls judges, in a package main whose stop timeout is its
// own (from its manifests or its //sigtermlint:stop-timeout directive),
// the calls of another package's functions declared to stop within D:
// that package checked D against the flags or 30s, as it cannot know
// which programs call it and where they run.
func (c *checker) checkDeclaredCalls() {
	if c.pass.Pkg.Name() != "main" {
		return
	}
	switch c.timeout.Origin {
	case stoptimeout.OriginDirective, stoptimeout.OriginManifest:
	default:
		return // the same timeout the declaring package was checked with
	}
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
			if !ok || fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg {
				return true
			}
			if fact := c.reach.Fact(fn); fact != nil && fact.StopsWithin > 0 && fact.StopsWithin >= c.timeout.D {
				c.reportTimeout(call.Pos(), call.End(), fact.StopsWithin, because(call.Pos(), call.End(),
					fmt.Sprintf("declared by %s%s for %s.%s", directive.Prefix, directive.StopsWithin, fn.Pkg().Name(), fn.Name())))
			}
			return true
		})
	}
}
