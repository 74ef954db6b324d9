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
