package shutdown

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/sigtermlint/sigtermlint/internal/assign"
	"github.com/sigtermlint/sigtermlint/internal/objectof"
)

// assignments follows a receiver to the call that made it (app :=
// fx.New(...); app.Run()) and an options struct to its literal, over the
// package's assignment index.
type assignments struct {
	*assign.Index
	info *types.Info
}

func newAssignments(info *types.Info, index *assign.Index) *assignments {
	return &assignments{Index: index, info: info}
}

// one reports whether v is a variable given exactly one value: not a
// field (its values are shared by every struct, and literals set it
// unseen), not declared zero, not changed through &v or ++.
func (a *assignments) one(v *types.Var) bool {
	if v == nil || v.IsField() || a.Opaque(v) || len(a.Values(v)) != 1 {
		return false
	}
	_, zero := a.Zero(v)
	return !zero
}

// origin returns the call that made the value of e: e itself, or the one
// value ever assigned to the variable e denotes.
func (a *assignments) origin(e ast.Expr) (*ast.CallExpr, bool) {
	for range 4 {
		e = ast.Unparen(e)
		if call, ok := e.(*ast.CallExpr); ok {
			return call, true
		}
		v := objectof.Var(a.info, e)
		if !a.one(v) {
			return nil, false
		}
		as := a.Values(v)[0]
		if as.Result > 0 {
			call, ok := ast.Unparen(as.Expr).(*ast.CallExpr)
			return call, ok
		}
		e = as.Expr
	}
	return nil, false
}

// literal returns the composite literal that e's value is: e itself
// (or &T{...}), or the one value of a variable nothing else changes.
func (a *assignments) literal(e ast.Expr) (*ast.CompositeLit, bool) {
	for range 4 {
		e = ast.Unparen(e)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = ast.Unparen(u.X)
		}
		if lit, ok := e.(*ast.CompositeLit); ok {
			return lit, true
		}
		v := objectof.Var(a.info, e)
		if !a.one(v) || a.Touched(v) || a.Values(v)[0].Result > 0 {
			return nil, false
		}
		e = a.Values(v)[0].Expr
	}
	return nil, false
}

// field returns the value a keyed composite literal gives a field, and
// whether it gives one; ok is false for an unkeyed literal.
func field(lit *ast.CompositeLit, name string) (value ast.Expr, present, ok bool) {
	for _, elt := range lit.Elts {
		kv, isKV := elt.(*ast.KeyValueExpr)
		if !isKV {
			return nil, false, false
		}
		if id, isID := kv.Key.(*ast.Ident); isID && id.Name == name {
			value, present = kv.Value, true
		}
	}
	return value, present, true
}
