package shutdown

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/printer"
	"go/version"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/astedit"
)

// waitFix makes the flow wait for the drain's end: the drain's go
// literal closes a channel when it returns (after the stop), and the flow
// receives from it where it would leave. log.Fatal(srv.ListenAndServe())
// becomes
//
//	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
//		log.Fatal(err)
//	}
//	<-drained
//
// It is offered when the drain runs in a go literal of the same flow,
// started before the serve call, and the place of the receive is reached
// only when the drain started (never when serving failed, where nothing
// would close the channel).
func (c *checker) waitFix(st *start, l leave) []analysis.SuggestedFix {
	d := st.drain
	if d == nil || d.scope.goStmt == nil || d.scope.parent != st.scope || d.scope.goStmt.Pos() > st.call.Pos() {
		return nil
	}
	if st.kind != httpServe && st.kind != nilOnServed {
		return nil
	}
	if len(d.scope.body.List) == 0 {
		return nil
	}
	goStmt := d.scope.goStmt
	name := c.freeName(st.scope, "drained")
	goIndent := c.indentOf(goStmt)
	edits := []analysis.TextEdit{
		{Pos: goStmt.Pos(), End: goStmt.Pos(), NewText: []byte(name + " := make(chan struct{})\n" + goIndent)},
		{Pos: d.scope.body.List[0].Pos(), End: d.scope.body.List[0].Pos(), NewText: []byte("defer close(" + name + ")\n" + c.indentOf(d.scope.body.List[0]))},
	}
	wait := "<-" + name
	switch l.kind {
	case leaveExit:
		exit := l.at.(*ast.CallExpr)
		if len(exit.Args) != 1 || ast.Unparen(exit.Args[0]) != st.call {
			return nil
		}
		stmt := c.enclosingExprStmt(st.scope, exit)
		f := astedit.FileOf(c.pass.Files, exit.Pos())
		if stmt == nil || f == nil {
			return nil
		}
		indent := c.indentOf(stmt)
		cond := "err != nil"
		if st.kind == httpServe {
			errorsName, ok := astedit.ImportName(f, "errors")
			if !ok {
				errorsName = "errors"
				edits = append(edits, astedit.AddImport(c.pass.Fset, f, "errors"))
			}
			httpName, ok := astedit.ImportName(f, "net/http")
			if !ok {
				httpName = "http"
				edits = append(edits, astedit.AddImport(c.pass.Fset, f, "net/http"))
			}
			cond = fmt.Sprintf("!%s.Is(err, %s.ErrServerClosed)", errorsName, httpName)
		}
		text := fmt.Sprintf("if err := %s; %s {\n%s\t%s(err)\n%s}\n%s%s",
			c.source(st.call), cond, indent, c.source(exit.Fun), indent, indent, wait)
		edits = append(edits, analysis.TextEdit{Pos: stmt.Pos(), End: stmt.End(), NewText: []byte(text)})
	case leaveReturn, leaveEnd:
		if c.leavesOnFailure(st, l) {
			return nil
		}
		if l.kind == leaveReturn {
			edits = append(edits, analysis.TextEdit{Pos: l.at.Pos(), End: l.at.Pos(), NewText: []byte(wait + "\n" + c.indentOf(l.at))})
		} else {
			end := st.scope.body.Rbrace
			indent := strings.Repeat("\t", c.pass.Fset.Position(end).Column-1)
			edits = append(edits, analysis.TextEdit{Pos: end, End: end, NewText: []byte("\t" + wait + "\n" + indent)})
		}
	}
	return []analysis.SuggestedFix{{Message: "Wait for the drain to end before " + c.leaveVerb(l), TextEdits: edits}}
}

// leaveVerb names what the fix waits before, for its message.
func (c *checker) leaveVerb(l leave) string {
	switch l.kind {
	case leaveExit:
		return "exiting"
	case leaveReturn:
		return "returning"
	}
	return "the function ends"
}

// leavesOnFailure reports whether a failed serve call (an error other
// than the stop's) may also reach l: a wait there would then wait for a
// drain that never comes.
func (c *checker) leavesOnFailure(st *start, l leave) bool {
	leaves, unknown := c.search(st, c.model.done, errFailed)
	if unknown {
		return true
	}
	for _, f := range leaves {
		if f.at == l.at && f.kind == l.kind {
			return true
		}
	}
	return false
}

// freeName returns name, or name with a number, so that it is declared
// nowhere in the function of s.
func (c *checker) freeName(s *scope, name string) string {
	used := map[string]bool{}
	ast.Inspect(s.decl, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			used[id.Name] = true
		}
		return true
	})
	if c.pass.Pkg.Scope().Lookup(name) == nil && !used[name] {
		return name
	}
	for i := 2; ; i++ {
		n := fmt.Sprintf("%s%d", name, i)
		if c.pass.Pkg.Scope().Lookup(n) == nil && !used[n] {
			return n
		}
	}
}

// indentOf returns the tabs before a node's line, as gofmt indents.
func (c *checker) indentOf(n ast.Node) string {
	return strings.Repeat("\t", c.pass.Fset.Position(n.Pos()).Column-1)
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

// enclosingExprStmt returns the expression statement whose expression is
// call, or nil.
func (c *checker) enclosingExprStmt(s *scope, call *ast.CallExpr) *ast.ExprStmt {
	var found *ast.ExprStmt
	ast.Inspect(s.body, func(n ast.Node) bool {
		if es, ok := n.(*ast.ExprStmt); ok && ast.Unparen(es.X) == call {
			found = es
		}
		return found == nil
	})
	return found
}

// source prints an expression as gofmt would.
func (c *checker) source(e ast.Expr) string {
	var buf bytes.Buffer
	if err := printer.Fprint(&buf, c.pass.Fset, e); err != nil {
		return ""
	}
	return buf.String()
}
