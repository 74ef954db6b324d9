package reach

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/sigtermlint/sigtermlint/internal/typeshelper"
)

// assignments records, for every variable and struct field of the
// package, the expressions assigned to it anywhere in the package. It is
// what lets a signal list in a variable (`sigs := []os.Signal{...}`), a
// package variable set once from a constant (fx's `_sigTERM =
// unix.SIGTERM`) and a function-typed field set once (fx's `notify:
// signal.Notify`) resolve to their values.
type assignments struct {
	values map[*types.Var][]ast.Expr
	// opaque variables have a value that cannot be listed: their address
	// is taken, they are assigned from a multi-value expression, a range
	// clause or an element assignment, or with an operator.
	opaque map[*types.Var]bool
	// firstOf maps x in `x, y := f()` to the call, when that is x's only
	// definition (x stays opaque for the rest).
	firstOf map[*types.Var]*ast.CallExpr
}

// indexAssignments walks the package once and records its assignments.
func indexAssignments(info *types.Info, files []*ast.File) *assignments {
	a := &assignments{values: map[*types.Var][]ast.Expr{}, opaque: map[*types.Var]bool{}, firstOf: map[*types.Var]*ast.CallExpr{}}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				a.assign(info, n.Tok, n.Lhs, n.Rhs)
			case *ast.ValueSpec:
				lhs := make([]ast.Expr, len(n.Names))
				for i, id := range n.Names {
					lhs[i] = id
				}
				if len(n.Values) > 0 {
					a.assign(info, token.DEFINE, lhs, n.Values)
				}
			case *ast.RangeStmt:
				a.markOpaque(info, n.Key)
				a.markOpaque(info, n.Value)
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					a.markOpaque(info, n.X)
				}
			case *ast.CompositeLit:
				a.structFields(info, n)
			}
			return true
		})
	}
	return a
}

func (a *assignments) assign(info *types.Info, tok token.Token, lhs, rhs []ast.Expr) {
	if len(lhs) != len(rhs) || (tok != token.ASSIGN && tok != token.DEFINE) {
		for _, l := range lhs {
			a.markOpaque(info, l)
		}
		if call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr); ok && len(rhs) == 1 && len(lhs) > 1 && tok == token.DEFINE {
			if v := typeshelper.VarOf(info, lhs[0]); v != nil {
				if _, dup := a.firstOf[v]; dup {
					a.firstOf[v] = nil // defined twice: unknown
				} else {
					a.firstOf[v] = call
				}
			}
		}
		return
	}
	for i, l := range lhs {
		if v := typeshelper.VarOf(info, l); v != nil {
			a.values[v] = append(a.values[v], rhs[i])
		} else {
			a.markOpaque(info, l) // sigs[0] = x: the slice's elements change
		}
	}
}

// structFields records the values given to fields in a struct literal.
func (a *assignments) structFields(info *types.Info, lit *ast.CompositeLit) {
	t := info.TypeOf(lit)
	if t == nil {
		return
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return
	}
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok && v.IsField() {
					a.values[v] = append(a.values[v], kv.Value)
				}
			}
		} else if i < st.NumFields() {
			a.values[st.Field(i)] = append(a.values[st.Field(i)], elt)
		}
	}
}

// markOpaque marks the variable under e (x, x[i], x.f) as unlistable.
func (a *assignments) markOpaque(info *types.Info, e ast.Expr) {
	for e != nil {
		switch x := e.(type) {
		case *ast.Ident, *ast.SelectorExpr:
			if v := typeshelper.VarOf(info, x); v != nil {
				a.opaque[v] = true
			}
			return
		case *ast.IndexExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return
		}
	}
}

// funcOf resolves a function-typed variable or field to the one function
// assigned to it in this package, or nil when there is not exactly one.
func (a *assignments) funcOf(info *types.Info, v *types.Var) *types.Func {
	if a.opaque[v] {
		return nil
	}
	var fn *types.Func
	for _, val := range a.values[v] {
		f := typeshelper.FuncOf(info, val)
		if f == nil || (fn != nil && f != fn) {
			return nil
		}
		fn = f
	}
	return fn
}
