package shutdown

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/printer"
	"strings"
)

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
