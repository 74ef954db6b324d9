package longlived

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/sigtermlint/sigtermlint/internal/objectof"
	"golang.org/x/tools/go/types/typeutil"
)

// loop reports a streaming loop: a for or range statement whose body
// flushes a response. It is blind when it runs until something ends it
// (no condition, or a range over a ticker) and the only ways out of it
// are its request context, a write error, or none: Shutdown, which does
// not cancel request contexts and does not close active connections,
// waits for it until its own deadline.
func (c *Classifier) loop(stmt ast.Stmt) (Site, bool) {
	var body *ast.BlockStmt
	endless := false
	switch s := stmt.(type) {
	case *ast.ForStmt:
		body, endless = s.Body, s.Cond == nil
	case *ast.RangeStmt:
		body, endless = s.Body, c.isTicker(s.X)
	}
	if !c.flushesIn(body) {
		return Site{}, false
	}
	site := c.site(Stream, "a streaming loop", stmt.Pos())
	if endless && c.onlyRequestExits(body, false) {
		site.Kind |= Blind
	}
	return site, true
}

// ginStream reports the loop of gin's c.Stream(step): it calls step and
// flushes until step returns false.
func (c *Classifier) ginStream(call *ast.CallExpr) (Site, bool) {
	if len(call.Args) != 1 {
		return Site{}, false
	}
	lit, ok := ast.Unparen(call.Args[0]).(*ast.FuncLit)
	site := c.site(Stream, "a streaming loop", call.Pos())
	if ok && c.onlyRequestExits(lit.Body, true) {
		site.Kind |= Blind
	}
	return site, true
}

// flushesIn reports whether a loop body, outside the literals in it,
// flushes a response: a Flush, gin's SSEvent, or a call of a function
// that does.
func (c *Classifier) flushesIn(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(c.pass.TypesInfo, n).(*types.Func)
			if fn == nil {
				return true
			}
			if isFlush(fn) || isSSEvent(fn) {
				found = true
			} else if !objectof.IsInterfaceMethod(fn) {
				found = c.Func(fn).Kinds()&flushes != 0
			}
		}
		return true
	})
	return found
}

// onlyRequestExits reports whether every way out of a loop body is a
// return or break guarded by a receive from the request context's Done
// (a select case) or by a write error (if err != nil), or whether there
// is none. For a gin step function (step), the ways out are its returns
// of anything but true.
func (c *Classifier) onlyRequestExits(body *ast.BlockStmt, step bool) bool {
	ok := true
	ast.PreorderStack(body, nil, func(n ast.Node, stack []ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if step && len(n.Results) == 1 && isIdent(n.Results[0], "true") {
				return true // step asks for more
			}
			ok = c.allowedExit(stack)
		case *ast.BranchStmt:
			switch {
			case n.Tok == token.GOTO, n.Tok == token.BREAK && n.Label != nil:
				ok = false
			case n.Tok == token.BREAK && !breaksInner(stack):
				ok = c.allowedExit(stack)
			}
		}
		return true
	})
	return ok
}

// breaksInner reports whether an unlabeled break under stack ends a
// statement inside the loop body (a select, switch or inner loop)
// rather than the loop.
func breaksInner(stack []ast.Node) bool {
	for _, n := range stack[1:] { // stack[0] is the loop body
		switch n.(type) {
		case *ast.SelectStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.ForStmt, *ast.RangeStmt:
			return true
		}
	}
	return false
}

// allowedExit reports whether the innermost guard of an exit is the
// request context or a write error.
func (c *Classifier) allowedExit(stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 1; i-- {
		switch g := stack[i].(type) {
		case *ast.CommClause:
			return g.Comm != nil && c.isRequestDone(g.Comm)
		case *ast.CaseClause:
			return false
		case *ast.IfStmt:
			if i+1 < len(stack) && stack[i+1] == g.Body {
				return isErrNotNil(c.pass.TypesInfo, g.Cond)
			}
			if i+1 < len(stack) && stack[i+1] == g.Else {
				return false
			}
		}
	}
	return false // an exit on every pass: not a stream that waits
}

// isRequestDone reports whether a select case receives from the Done()
// of a request's context.
func (c *Classifier) isRequestDone(comm ast.Stmt) bool {
	var x ast.Expr
	switch s := comm.(type) {
	case *ast.ExprStmt:
		x = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			x = s.Rhs[0]
		}
	}
	u, ok := ast.Unparen(x).(*ast.UnaryExpr)
	if !ok || u.Op != token.ARROW {
		return false
	}
	call, ok := ast.Unparen(u.X).(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Done" && len(call.Args) == 0 && c.isRequestCtx(sel.X, 0)
}

// isTicker reports whether a ranged channel is a ticker's: a
// (*time.Ticker).C, or time.Tick(d). It never closes.
func (c *Classifier) isTicker(x ast.Expr) bool {
	x = ast.Unparen(x)
	if sel, ok := x.(*ast.SelectorExpr); ok && sel.Sel.Name == "C" {
		return isNamed(c.pass.TypesInfo.TypeOf(sel.X), "time", "Ticker")
	}
	if call, ok := x.(*ast.CallExpr); ok {
		fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
		return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "time" && fn.Name() == "Tick"
	}
	return false
}

// closeSet reports a range over a map or slice whose body closes each
// element (Close, CloseNow, WriteControl, or close of a channel field
// such as c.send, after which the connection's writer sends the close
// frame).
func (c *Classifier) closeSet(n ast.Node) (Site, bool) {
	r, ok := n.(*ast.RangeStmt)
	if !ok {
		return Site{}, false
	}
	switch c.pass.TypesInfo.TypeOf(r.X).Underlying().(type) {
	case *types.Map, *types.Slice, *types.Array, *types.Pointer:
	default:
		return Site{}, false
	}
	found := false
	ast.Inspect(r.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		switch fun := ast.Unparen(call.Fun).(type) {
		case *ast.SelectorExpr:
			switch fun.Sel.Name {
			case "Close", "CloseNow", "WriteControl":
				found = true
			}
		case *ast.Ident:
			if b, ok := c.pass.TypesInfo.Uses[fun].(*types.Builtin); ok && b.Name() == "close" && len(call.Args) == 1 {
				_, found = ast.Unparen(call.Args[0]).(*ast.SelectorExpr)
			}
		}
		return true
	})
	if !found {
		return Site{}, false
	}
	return c.site(CloseSet, "a loop that closes the connections it keeps", r.Pos()), true
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && id.Name == name
}

// isErrNotNil matches err != nil, with err of type error.
func isErrNotNil(info *types.Info, cond ast.Expr) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ {
		return false
	}
	x, y := b.X, b.Y
	if isIdent(x, "nil") {
		x, y = y, x
	}
	if !isIdent(y, "nil") {
		return false
	}
	t := info.TypeOf(x)
	return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
}
