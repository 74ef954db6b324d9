package typeshelper

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Assignments indexes what a package's files assign to variables, for
// the analyses that follow a value back to where it was made: a
// duration to its constant, a receiver to the call that built it, an
// options struct to its literal.
type Assignments struct {
	info *types.Info
	// Values holds the values given to each variable (a field, for
	// x.f = v) by assignments and declarations, in file order.
	Values map[*types.Var][]Value
	// Opaque holds the variables whose value cannot be listed: changed
	// by x += d, x++, as a range variable, by a tuple of another size,
	// or through &x.
	Opaque map[*types.Var]bool
	// Touched holds the variables changed other than by assigning them
	// a whole value: Opaque, and the roots of field, element and
	// pointer writes (x in x.f = v, x[i] = v, *x = v) and of pointer
	// methods called on a value (x.M() with func (*T) M).
	Touched map[*types.Var]bool
	// Written holds, for each variable assigned or touched, one
	// expression that denotes it.
	Written map[*types.Var]ast.Expr
	// Zero holds the variables declared without a value (var x T): their
	// zero value is one more value they may hold.
	Zero map[*types.Var]bool
}

// Value is one value given to a variable: Expr, or result Result
// (counted from 1) of the call Expr when a call's results are spread
// over several variables.
type Value struct {
	Expr   ast.Expr
	Result int
}

// IndexAssignments indexes the assignments of files. visit, when not
// nil, sees every node as well, for callers that index more in the same
// walk.
func IndexAssignments(info *types.Info, files []*ast.File, visit func(ast.Node)) *Assignments {
	a := &Assignments{
		info:    info,
		Values:  map[*types.Var][]Value{},
		Opaque:  map[*types.Var]bool{},
		Touched: map[*types.Var]bool{},
		Written: map[*types.Var]ast.Expr{},
		Zero:    map[*types.Var]bool{},
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				a.assign(n.Tok, n.Lhs, n.Rhs)
			case *ast.ValueSpec:
				if len(n.Values) == 0 {
					for _, id := range n.Names {
						if v, ok := info.Defs[id].(*types.Var); ok {
							a.Zero[v] = true
						}
					}
					break
				}
				lhs := make([]ast.Expr, len(n.Names))
				for i, id := range n.Names {
					lhs[i] = id
				}
				a.assign(token.DEFINE, lhs, n.Values)
			case *ast.IncDecStmt:
				a.opaque(n.X)
			case *ast.RangeStmt:
				a.opaque(n.Key)
				a.opaque(n.Value)
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					a.opaque(n.X)
				}
			case *ast.CallExpr:
				a.pointerMethod(n)
			}
			if visit != nil && n != nil {
				visit(n)
			}
			return true
		})
	}
	return a
}

func (a *Assignments) assign(tok token.Token, lhs, rhs []ast.Expr) {
	for i, l := range lhs {
		if _, ok := ast.Unparen(l).(*ast.Ident); !ok {
			a.touch(l) // x.f = v, x[i] = v, *p = v: x changes
		}
		v := VarOf(a.info, l)
		if v == nil {
			continue
		}
		a.Written[v] = l
		switch {
		case tok != token.ASSIGN && tok != token.DEFINE:
			a.Opaque[v], a.Touched[v] = true, true // x += d
		case len(lhs) == len(rhs):
			a.Values[v] = append(a.Values[v], Value{Expr: rhs[i]})
		case len(rhs) == 1:
			a.Values[v] = append(a.Values[v], Value{Expr: rhs[0], Result: i + 1})
		default:
			a.Opaque[v], a.Touched[v] = true, true
		}
	}
}

// opaque marks e's variable as changed in a way that cannot be listed,
// and touches its root.
func (a *Assignments) opaque(e ast.Expr) {
	if e == nil {
		return
	}
	if v := VarOf(a.info, e); v != nil {
		a.Opaque[v] = true
	}
	a.touch(e)
}

// touch marks the variable at the root of e (x in x, x.f, x[i], *x) as
// changed, and e's own variable (a field, or another package's variable
// such as endless.DefaultHammerTime).
func (a *Assignments) touch(e ast.Expr) {
	if e == nil {
		return
	}
	if v := VarOf(a.info, e); v != nil {
		a.Touched[v] = true
		a.Written[v] = e
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
				a.Touched[v] = true
			}
			return
		default:
			return
		}
	}
}

// pointerMethod touches x in x.M() when M has a pointer receiver and x
// is not a pointer: the call takes x's address.
func (a *Assignments) pointerMethod(call *ast.CallExpr) {
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

// Single returns the one whole value ever given to v, when nothing else
// changes it.
func (a *Assignments) Single(v *types.Var) (ast.Expr, bool) {
	vals := a.Values[v]
	if v == nil || a.Opaque[v] || len(vals) != 1 || vals[0].Result > 0 {
		return nil, false
	}
	return vals[0].Expr, true
}
