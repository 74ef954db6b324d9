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

// errServerClosedFix rewrites `log.Fatal(srv.ListenAndServe())` as
//
//	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
//		log.Fatal(err)
//	}
//
// when the exit is a statement of its own with the serve call as its only
// argument.
func (c *checker) errServerClosedFix(s *scope, exit, serve *ast.CallExpr) []analysis.SuggestedFix {
	if len(exit.Args) != 1 || ast.Unparen(exit.Args[0]) != serve {
		return nil
	}
	stmt := c.enclosingExprStmt(s, exit)
	if stmt == nil {
		return nil
	}
	f := astedit.FileOf(c.pass.Files, exit.Pos())
	if f == nil {
		return nil
	}
	var edits []analysis.TextEdit
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
	indent := strings.Repeat("\t", c.pass.Fset.Position(stmt.Pos()).Column-1)
	text := fmt.Sprintf("if err := %s; !%s.Is(err, %s.ErrServerClosed) {\n%s\t%s(err)\n%s}",
		c.source(serve), errorsName, httpName, indent, c.source(exit.Fun), indent)
	edits = append(edits, analysis.TextEdit{Pos: stmt.Pos(), End: stmt.End(), NewText: []byte(text)})
	return []analysis.SuggestedFix{{Message: "Exit only when the error is not http.ErrServerClosed", TextEdits: edits}}
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
