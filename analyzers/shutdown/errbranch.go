package shutdown

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sigtermlint/sigtermlint/internal/objectof"
)

// When a drain starts, a serve call returns a known error: net/http's
// http.ErrServerClosed, or nil for grpc's and fasthttp's Serve. The
// branches on that error are then decided: `if err != nil && err !=
// http.ErrServerClosed { log.Fatal(err) }` does not exit, `if err !=
// nil { os.Exit(1) }` does. Anything else about the error is unknown,
// and both branches stay open.

// tri is a truth value that may be unknown.
type tri int

const (
	unknownTri tri = iota
	yes
	no
)

func (t tri) not() tri {
	switch t {
	case yes:
		return no
	case no:
		return yes
	}
	return unknownTri
}

// errState is what the serve error is: closed when the drain started,
// failed when serving failed (for the fixes, which must not wait then).
type errState int

const (
	errClosed errState = iota
	errFailed
)

// eval decides a condition on the start's error, as the drain starts.
func (w *walk) eval(e ast.Expr) tri { return w.evalIn(e, w.state) }

func (w *walk) evalIn(e ast.Expr, state errState) tri {
	info := w.c.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			return w.evalIn(e.X, state).not()
		}
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND:
			l, r := w.evalIn(e.X, state), w.evalIn(e.Y, state)
			switch {
			case l == no || r == no:
				return no
			case l == yes && r == yes:
				return yes
			}
			return unknownTri
		case token.LOR:
			l, r := w.evalIn(e.X, state), w.evalIn(e.Y, state)
			switch {
			case l == yes || r == yes:
				return yes
			case l == no && r == no:
				return no
			}
			return unknownTri
		case token.EQL:
			return w.equalIn(e.X, e.Y, state)
		case token.NEQ:
			return w.equalIn(e.X, e.Y, state).not()
		}
	case *ast.CallExpr:
		// errors.Is(err, http.ErrServerClosed)
		fn, ok := typeutil.Callee(info, e).(*types.Func)
		if ok && isPkgFunc(fn, "errors", "Is") && len(e.Args) == 2 && w.isErr(e.Args[0]) {
			return w.matches(e.Args[1], state)
		}
	}
	return unknownTri
}

// equal decides x == y, one of them the start's error.
func (w *walk) equal(x, y ast.Expr) tri { return w.equalIn(x, y, w.state) }

func (w *walk) equalIn(x, y ast.Expr, state errState) tri {
	if w.isErr(y) {
		x, y = y, x
	}
	if !w.isErr(x) {
		return unknownTri
	}
	return w.matches(y, state)
}

// matches decides whether the start's error equals the value of e: nil,
// http.ErrServerClosed, or another package-level error variable.
func (w *walk) matches(e ast.Expr, state errState) tri {
	info := w.c.pass.TypesInfo
	isNil := false
	if tv, ok := info.Types[e]; ok && tv.IsNil() {
		isNil = true
	}
	closedVar := false
	if v := objectof.Var(info, e); v != nil && v.Name() == "ErrServerClosed" && v.Pkg() != nil && v.Pkg().Path() == "net/http" {
		closedVar = true
	} else if !isNil {
		if v == nil || v.Parent() == nil || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
			return unknownTri // not a sentinel error
		}
	}
	if state == errFailed {
		// A failure is some other non-nil error.
		if isNil || closedVar {
			return no
		}
		return unknownTri
	}
	switch w.st.kind {
	case httpServe:
		if closedVar {
			return yes
		}
		return no // nil, or another sentinel
	case nilOnServed:
		if isNil {
			return yes
		}
		return no
	}
	return unknownTri
}

// isErr reports whether e is the start's error variable, not assigned
// again between the serve call and e.
func (w *walk) isErr(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || w.st.errVar == nil || w.c.pass.TypesInfo.Uses[id] != w.st.errVar {
		return false
	}
	// Another assignment on a path from the serve call to e: the
	// variable may hold something else there (one in the other branch
	// of an if does not count).
	info := w.c.pass.TypesInfo
	s := w.st.scope
	from, ok := s.pointOf(info, w.st.call)
	if !ok {
		return false
	}
	for _, d := range w.c.defsOf(w.st.errVar) {
		if d.scope != s {
			return false
		}
		if d.pos > w.st.call.End() && d.pos < e.Pos() {
			if p, ok := s.cfg(info).locate(d.pos); !ok || s.cfg(info).reaches(from, p) {
				return false
			}
		}
	}
	return true
}
