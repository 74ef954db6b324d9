package shutdown

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sigtermlint/sigtermlint/internal/typeshelper"
)

// assignments indexes what the package assigns to its variables, so
// that a receiver can be traced to the call that made it (app :=
// fx.New(...); app.Run()) and an options struct to its literal.
type assignments struct {
	info   *types.Info
	values map[*types.Var][]assigned
	// touched holds the variables changed other than by assignment: a
	// field or element set, the address taken, ++, a range variable, a
	// pointer method called on the value.
	touched map[*types.Var]bool
	// written holds, for each variable assigned or touched, one
	// expression that denotes it.
	written map[*types.Var]ast.Expr
}

// assigned is one value given to a variable: expr, or result i of the
// call expr.
type assigned struct {
	expr   ast.Expr
	result int
}

func newAssignments(info *types.Info, files []*ast.File) *assignments {
	a := &assignments{info: info, values: map[*types.Var][]assigned{}, touched: map[*types.Var]bool{}, written: map[*types.Var]ast.Expr{}}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				a.assign(n.Tok, n.Lhs, n.Rhs)
			case *ast.ValueSpec:
				if len(n.Values) > 0 {
					lhs := make([]ast.Expr, len(n.Names))
					for i, id := range n.Names {
						lhs[i] = id
					}
					a.assign(token.DEFINE, lhs, n.Values)
				}
			case *ast.IncDecStmt:
				a.touch(n.X)
			case *ast.RangeStmt:
				a.touch(n.Key)
				a.touch(n.Value)
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					a.touch(n.X)
				}
			case *ast.CallExpr:
				a.pointerMethod(n)
			}
			return true
		})
	}
	return a
}

func (a *assignments) assign(tok token.Token, lhs, rhs []ast.Expr) {
	for i, l := range lhs {
		if _, ok := ast.Unparen(l).(*ast.Ident); !ok {
			a.touch(l) // x.f = v, x[i] = v, *p = v: x changes
		}
		v := typeshelper.VarOf(a.info, l)
		if v == nil {
			continue
		}
		a.written[v] = l
		switch {
		case tok != token.ASSIGN && tok != token.DEFINE:
			a.touched[v] = true // x += d
		case len(lhs) == len(rhs):
			a.values[v] = append(a.values[v], assigned{expr: rhs[i]})
		case len(rhs) == 1:
			a.values[v] = append(a.values[v], assigned{expr: rhs[0], result: i})
		default:
			a.touched[v] = true
		}
	}
}

// touch marks the variable at the root of e (x in x, x.f, x[i], *x) as
// changed, and e's own variable when it is a package variable of
// another package (endless.DefaultHammerTime).
func (a *assignments) touch(e ast.Expr) {
	if e == nil {
		return
	}
	if v := typeshelper.VarOf(a.info, e); v != nil {
		a.touched[v] = true
		a.written[v] = e
	}
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			if _, ok := a.info.Uses[x.Sel].(*types.Var); !ok {
				return
			}
			if id, ok := ast.Unparen(x.X).(*ast.Ident); ok {
				if _, ok := a.info.Uses[id].(*types.PkgName); ok {
					return // pkg.V: V itself, marked above
				}
			}
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.Ident:
			if v, ok := a.info.ObjectOf(x).(*types.Var); ok {
				a.touched[v] = true
			}
			return
		default:
			return
		}
	}
}

// pointerMethod marks x in x.M() when M has a pointer receiver and x is
// not a pointer: the call takes x's address.
func (a *assignments) pointerMethod(call *ast.CallExpr) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	fn, ok := typeutil.Callee(a.info, call).(*types.Func)
	if !ok {
		return
	}
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return
	}
	if _, ptr := recv.Type().(*types.Pointer); !ptr {
		return
	}
	if t := a.info.TypeOf(sel.X); t != nil {
		if _, ptr := t.Underlying().(*types.Pointer); !ptr {
			a.touch(sel.X)
		}
	}
}

// origin returns the call that made the value of e: e itself, or the one
// value ever assigned to the variable e denotes.
func (a *assignments) origin(e ast.Expr) (*ast.CallExpr, bool) {
	for range 4 {
		e = ast.Unparen(e)
		if call, ok := e.(*ast.CallExpr); ok {
			return call, true
		}
		v := typeshelper.VarOf(a.info, e)
		if v == nil || len(a.values[v]) != 1 {
			return nil, false
		}
		as := a.values[v][0]
		if as.result > 0 {
			call, ok := ast.Unparen(as.expr).(*ast.CallExpr)
			return call, ok
		}
		e = as.expr
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
		v := typeshelper.VarOf(a.info, e)
		if v == nil || a.touched[v] || len(a.values[v]) != 1 || a.values[v][0].result > 0 {
			return nil, false
		}
		e = a.values[v][0].expr
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
