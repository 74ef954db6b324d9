package shutdown

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"go/version"

	"github.com/sigtermlint/sigtermlint/internal/astedit"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// cancelledContextRule documents cancelled-context.
var cancelledContextRule = ruledoc.Rule{
	Category:   ruledoc.CancelledContext,
	Analyzer:   "shutdown",
	Title:      "Shutdown runs with a context the signal already cancelled.",
	When:       "Shutdown gets a context that is already cancelled",
	Production: "Shutdown returns at once and drains nothing",
	Bad: ruledoc.Example{
		Note: "`signal.NotifyContext`'s context is cancelled by the signal; anything derived from it " +
			"(`WithTimeout`, `WithValue`, ...) is cancelled too.",
		Snippets: []ruledoc.Snippet{ruledoc.GoCode(`
<-ctx.Done() // ctx from signal.NotifyContext
shutdownCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
srv.Shutdown(shutdownCtx) // returns at once: drains nothing
`)},
	},
	Good: ruledoc.Example{
		Note:     "keep the context's values, drop its cancellation.",
		Snippets: []ruledoc.Snippet{ruledoc.GoCode(`shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)`)},
	},
	Fix: "Derive Shutdown's deadline from a context the signal does not cancel: `context.WithoutCancel(ctx)` " +
		"(Go 1.21+) or `context.Background()`. A suggested fix wraps the parent in `context.WithoutCancel` (or " +
		"uses `context.Background()` for files older than Go 1.21).",
	Details: ruledoc.Paras(
		"Reported when a receive from the context's `Done()` (or the `Done()` of a context it derives from), " +
			"or a call of its cancel function, is on every path to Shutdown in the same function, whatever the " +
			"context's origin. A variable rebound from itself after the receive " +
			"(`<-ctx.Done()`, then `ctx, cancel := context.WithTimeout(ctx, d)`) still derives from the done " +
			"context; rebound from `context.Background()` it does not. `context.WithoutCancel` breaks the " +
			"chain; a `Done()` received in another function does not count.",
	),
	Since: ruledoc.V010,
	Links: []ruledoc.Link{
		{Title: "kkHAIKE/contextcheck#2: a linter asking for the cancelled context to be passed to Shutdown", URL: "https://github.com/kkHAIKE/contextcheck/issues/2"},
		{Title: "charmbracelet/crush#2242: derive the shutdown context from context.Background(), not the cancelled one", URL: "https://github.com/charmbracelet/crush/pull/2242"},
		{Title: "context.WithoutCancel", URL: "https://pkg.go.dev/context#WithoutCancel"},
		{Title: "signal.NotifyContext", URL: "https://pkg.go.dev/os/signal#NotifyContext"},
	},
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
		Pos: stop.call.Pos(), End: stop.call.End(), Category: ruledoc.CancelledContext,
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
	for _, d := range c.defsOf(v) {
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

// detachFix gives Shutdown a context that the signal does not cancel: it
// wraps the parent of the WithTimeout in context.WithoutCancel (Go 1.21
// and later), or replaces it with context.Background().
func (c *checker) detachFix(stop *stopCall, l lineage) []analysis.SuggestedFix {
	if l.timeoutCall == nil || len(l.timeoutCall.Args) == 0 {
		return nil
	}
	parent := l.timeoutCall.Args[0]
	f := astedit.FileOf(c.pass.Files, parent.Pos())
	if f == nil {
		return nil
	}
	ctxName, ok := astedit.ImportName(f, "context")
	if !ok {
		return nil // the WithTimeout call spells context some other way
	}
	fv := c.pass.TypesInfo.FileVersions[f]
	if fv == "" || version.Compare(fv, "go1.21") >= 0 {
		return []analysis.SuggestedFix{{
			Message: "Detach the Shutdown context from the cancelled one with context.WithoutCancel",
			TextEdits: []analysis.TextEdit{{
				Pos: parent.Pos(), End: parent.End(),
				NewText: fmt.Appendf(nil, "%s.WithoutCancel(%s)", ctxName, c.source(parent)),
			}},
		}}
	}
	return []analysis.SuggestedFix{{
		Message: "Start the Shutdown deadline from context.Background()",
		TextEdits: []analysis.TextEdit{{
			Pos: parent.Pos(), End: parent.End(),
			NewText: fmt.Appendf(nil, "%s.Background()", ctxName),
		}},
	}}
}
