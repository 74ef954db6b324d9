package longlived

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sigtermlint/sigtermlint/internal/objectof"
)

// isRequestCtx reports whether a context is a request's: r.Context()
// of an *http.Request, a gin *Context (a context.Context itself), or a
// context derived from one with a cancel, deadline or value, through
// the variables that hold it. Anything else (a parameter, a field) is
// not known to be one.
func (c *Classifier) isRequestCtx(e ast.Expr, depth int) bool {
	if depth > 8 {
		return false
	}
	info := c.pass.TypesInfo
	e = ast.Unparen(e)
	if isNamed(info.TypeOf(e), ginPkg, "Context") {
		return true
	}
	switch x := e.(type) {
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(info, x).(*types.Func)
		if fn == nil {
			return false
		}
		if fn.Name() == "Context" && recvIs(fn, "net/http", "Request") {
			return true
		}
		if fn.Pkg() != nil && fn.Pkg().Path() == "context" && len(x.Args) > 0 {
			switch fn.Name() {
			case "WithCancel", "WithCancelCause", "WithTimeout", "WithTimeoutCause", "WithDeadline", "WithDeadlineCause", "WithValue":
				return c.isRequestCtx(x.Args[0], depth+1)
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		v := objectof.Var(info, x)
		if v == nil || c.assigns.Opaque(v) {
			return false
		}
		vals := c.assigns.Values(v)
		if len(vals) == 0 {
			return false
		}
		for _, val := range vals {
			if !c.isRequestCtx(val.Expr, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// rebased returns the package's first call that gives a request a
// context not derived from its own ((*http.Request).WithContext or Clone
// with another context), or nil.
func (c *Classifier) rebased() *ast.CallExpr {
	var found *ast.CallExpr
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || found != nil {
				return found == nil
			}
			fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
			if fn != nil && (fn.Name() == "WithContext" || fn.Name() == "Clone") && recvIs(fn, "net/http", "Request") &&
				len(call.Args) == 1 && (!c.isRequestCtx(call.Args[0], 0) || c.cancelledElsewhere(call.Args[0])) {
				found = call
			}
			return true
		})
	}
	return found
}

// cancelledElsewhere reports whether a context variable made with a
// cancel function (ctx, cancel := context.WithCancel(r.Context())) has
// that function called other than by a defer: something (a goroutine
// watching a stop channel) may end the request's context early.
func (c *Classifier) cancelledElsewhere(e ast.Expr) bool {
	v := objectof.Var(c.pass.TypesInfo, e)
	if v == nil {
		return false
	}
	for _, val := range c.assigns.Values(v) {
		as, ok := val.Stmt.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 2 || val.Func == nil {
			continue
		}
		cancel := objectof.Var(c.pass.TypesInfo, as.Lhs[1])
		if cancel == nil {
			continue
		}
		found := false
		ast.Inspect(val.Func, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.DeferStmt:
				return false // the end of the handler, not the stop
			case *ast.CallExpr:
				if objectof.Var(c.pass.TypesInfo, n.Fun) == cancel {
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}
