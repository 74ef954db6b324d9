// Package assign indexes, in one walk of a package's files, what the
// package assigns to its variables and struct fields. Analyses follow a
// value back to where it was made with it: a signal list to its literal,
// a function-typed field to the one function stored in it, a duration to
// its constant, a context to the call that derived it, a receiver to the
// call that built it, an options struct to its literal.
package assign

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sigtermlint/sigtermlint/internal/objectof"
)

// Index holds what one package assigns to each variable and field. It
// is read-only once built.
type Index struct {
	info *types.Info
	vars map[*types.Var]*record
}

// record is what the package does to one variable.
type record struct {
	// values are the values given to the variable whole: by assignments
	// and declarations, and for a field by struct literals (lits of
	// them), in file order.
	values []Value
	lits   int
	// zero is the declaration that gives the variable its zero value
	// (var x T), or nil.
	zero    *Value
	changes change
	// written is the last expression that denotes the variable where
	// the package assigns it or touches it.
	written ast.Expr
}

// change says how a variable changes other than by being given a whole
// value.
type change uint8

const (
	// changed: x += d, as a range variable, through &x, or by a tuple
	// of another size.
	changed change = 1 << iota
	// incremented: x++, x--.
	incremented
	// spread: given one result of a call whose results go to several
	// variables (x, err := f()).
	spread
	// elementChanged: the variable is the nearest one under an element
	// or pointee that changes other than by x[i]++ (x in x[i] = v,
	// *x = v, &x[i], x.f in x.f[i] = v).
	elementChanged
	// touched: the variable, or a part of it, changes other than by
	// being given a whole value (see Touched).
	touched
)

// Value is one value given to a variable.
type Value struct {
	// Expr is the value; when the results of a call (or of a receive,
	// an index or a type assertion with its ok) are spread over several
	// variables, Expr is the call and Result which of its results the
	// variable gets, counted from 1. Result is 0 otherwise. Expr is nil
	// for a zero value (Index.Zero).
	Expr   ast.Expr
	Result int
	// Lhs is the expression the value is given to: x, x.f, a declared
	// name, the key of a keyed struct literal (nil for an unkeyed one).
	Lhs ast.Expr
	// Stmt is the *ast.AssignStmt or *ast.ValueSpec that gives the
	// value, or the *ast.CompositeLit for a struct literal's field.
	Stmt ast.Node
	// Func is the innermost *ast.FuncDecl or *ast.FuncLit that Stmt is
	// in, nil at package level.
	Func ast.Node
	// Define says the value comes with a declaration: x := v, var x = v.
	Define bool
}

// literal reports whether the value is a struct literal's field value.
func (v Value) literal() bool {
	_, ok := v.Stmt.(*ast.CompositeLit)
	return ok
}

// New indexes the assignments of files.
func New(info *types.Info, files []*ast.File) *Index {
	w := &walker{Index: &Index{info: info, vars: map[*types.Var]*record{}}}
	for _, f := range files {
		ast.Inspect(f, w.visit)
	}
	return w.Index
}

// Values returns the values that assignments and declarations give v,
// in file order (not the zero value of var x T, nor the values struct
// literals give a field).
func (x *Index) Values(v *types.Var) []Value {
	r := x.vars[v]
	if r == nil {
		return nil
	}
	if r.lits == 0 {
		return r.values
	}
	var out []Value
	for _, val := range r.values {
		if !val.literal() {
			out = append(out, val)
		}
	}
	return out
}

// Single returns the one whole value ever given to v, when nothing else
// changes it.
func (x *Index) Single(v *types.Var) (ast.Expr, bool) {
	vals := x.Values(v)
	if v == nil || x.Opaque(v) || len(vals) != 1 || vals[0].Result > 0 {
		return nil, false
	}
	return vals[0].Expr, true
}

// Opaque reports whether v changes in a way its values do not list: by
// x += d, x++, as a range variable, through &x, or by a tuple of another
// size.
func (x *Index) Opaque(v *types.Var) bool {
	r := x.vars[v]
	return r != nil && r.changes&(changed|incremented) != 0
}

// Touched reports whether v changes other than by being given a whole
// value: it is Opaque, or the root of a field, element or pointer write
// (x in x.f = v, x[i] = v, *x = v), or a value a method with a pointer
// receiver is called on (x.M() with func (*T) M), or a field or another
// package's variable written at all (f in x.f = v).
func (x *Index) Touched(v *types.Var) bool {
	r := x.vars[v]
	return r != nil && r.changes&touched != 0
}

// Zero returns the declaration that gives v its zero value (var x T,
// with Expr nil), when there is one: the zero value is one more value v
// may hold.
func (x *Index) Zero(v *types.Var) (Value, bool) {
	r := x.vars[v]
	if r == nil || r.zero == nil {
		return Value{}, false
	}
	return *r.zero, true
}

// Written yields each variable the package assigns or touches, with one
// expression that denotes it there.
func (x *Index) Written() iter.Seq2[*types.Var, ast.Expr] {
	return func(yield func(*types.Var, ast.Expr) bool) {
		for v, r := range x.vars {
			if r.written != nil && !yield(v, r.written) {
				return
			}
		}
	}
}

// Vars yields every variable and field the package gives a value or
// changes.
func (x *Index) Vars() iter.Seq[*types.Var] {
	return func(yield func(*types.Var) bool) {
		for v := range x.vars {
			if !yield(v) {
				return
			}
		}
	}
}

// Known returns every value v is given whole (by assignments,
// declarations and, for a field, struct literals), in file order, when
// they are all it may hold besides its zero value; ok is false when v
// also changes otherwise: Opaque but for increments, given one result of
// a multi-value call, or with an element or pointee written (sigs[0] =
// s, *p = v). Increments are left out: what this serves (signal lists,
// functions, contexts) cannot be incremented, and a signal number is not
// followed through one.
func (x *Index) Known(v *types.Var) (vals []Value, ok bool) {
	r := x.vars[v]
	if r == nil {
		return nil, true
	}
	if r.changes&(changed|spread|elementChanged) != 0 {
		return nil, false
	}
	return r.values, true
}

// FirstResultOf returns the call that defines v with its first result
// (v, w := f(), var v, w = f()), when that is the only such definition
// of v. v is not Known then.
func (x *Index) FirstResultOf(v *types.Var) *ast.CallExpr {
	r := x.vars[v]
	if r == nil {
		return nil
	}
	var first *ast.CallExpr
	for _, val := range r.values {
		if val.Result != 1 || !val.Define {
			continue
		}
		call, ok := ast.Unparen(val.Expr).(*ast.CallExpr)
		if !ok {
			continue
		}
		if first != nil {
			return nil // defined twice: unknown
		}
		first = call
	}
	return first
}

// Callee resolves a function-typed variable or field to the one function
// the package stores in it, or nil when there is not exactly one.
func (x *Index) Callee(v *types.Var) *types.Func {
	vals, ok := x.Known(v)
	if !ok {
		return nil
	}
	var fn *types.Func
	for _, val := range vals {
		f := objectof.Func(x.info, val.Expr)
		if f == nil || (fn != nil && f != fn) {
			return nil
		}
		fn = f
	}
	return fn
}

// walker builds an Index.
type walker struct {
	*Index
	// open holds, for each node the walk is in, whether it is a
	// function; funcs the functions among them.
	open  []bool
	funcs []ast.Node
}

func (w *walker) record(v *types.Var) *record {
	r := w.vars[v]
	if r == nil {
		r = &record{}
		w.vars[v] = r
	}
	return r
}

// fn returns the function the walk is in, or nil.
func (w *walker) fn() ast.Node {
	if len(w.funcs) == 0 {
		return nil
	}
	return w.funcs[len(w.funcs)-1]
}

func (w *walker) visit(n ast.Node) bool {
	if n == nil {
		if w.open[len(w.open)-1] {
			w.funcs = w.funcs[:len(w.funcs)-1]
		}
		w.open = w.open[:len(w.open)-1]
		return true
	}
	switch n := n.(type) {
	case *ast.AssignStmt:
		w.assign(n, n.Tok, n.Lhs, n.Rhs)
	case *ast.ValueSpec:
		if len(n.Values) == 0 {
			for _, id := range n.Names {
				if v, ok := w.info.Defs[id].(*types.Var); ok {
					w.record(v).zero = &Value{Lhs: id, Stmt: n, Func: w.fn()}
				}
			}
			break
		}
		lhs := make([]ast.Expr, len(n.Names))
		for i, id := range n.Names {
			lhs[i] = id
		}
		w.assign(n, token.DEFINE, lhs, n.Values)
	case *ast.IncDecStmt:
		w.opaque(n.X, incremented)
	case *ast.RangeStmt:
		w.opaque(n.Key, changed)
		w.opaque(n.Value, changed)
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			w.opaque(n.X, changed)
		}
	case *ast.CallExpr:
		w.pointerMethod(n)
	case *ast.CompositeLit:
		w.structFields(n)
	}
	_, isFunc := n.(*ast.FuncDecl)
	if _, ok := n.(*ast.FuncLit); ok {
		isFunc = true
	}
	w.open = append(w.open, isFunc)
	if isFunc {
		w.funcs = append(w.funcs, n)
	}
	return true
}

// assign records an assignment or a declaration with values (tok
// DEFINE).
func (w *walker) assign(stmt ast.Node, tok token.Token, lhs, rhs []ast.Expr) {
	for i, l := range lhs {
		if _, ok := ast.Unparen(l).(*ast.Ident); !ok {
			w.touch(l) // x.f = v, x[i] = v, *p = v: x changes
		}
		v := objectof.Var(w.info, l)
		if v == nil {
			w.elementChanged(l) // sigs[0] = x: the slice's elements change
			continue
		}
		r := w.record(v)
		r.written = l
		val := Value{Lhs: l, Stmt: stmt, Func: w.fn(), Define: tok == token.DEFINE}
		switch {
		case tok != token.ASSIGN && tok != token.DEFINE:
			r.changes |= changed | touched // x += d
		case len(lhs) == len(rhs):
			val.Expr = rhs[i]
			r.values = append(r.values, val)
		case len(rhs) == 1:
			val.Expr, val.Result = rhs[0], i+1
			r.values = append(r.values, val)
			r.changes |= spread
		default:
			r.changes |= changed | touched
		}
	}
}

// structFields records the values a struct literal gives fields.
func (w *walker) structFields(lit *ast.CompositeLit) {
	t := w.info.TypeOf(lit)
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
	add := func(f *types.Var, key, value ast.Expr) {
		r := w.record(f)
		r.values = append(r.values, Value{Expr: value, Lhs: key, Stmt: lit, Func: w.fn()})
		r.lits++
	}
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				if v, ok := w.info.Uses[id].(*types.Var); ok && v.IsField() {
					add(v, id, kv.Value)
				}
			}
		} else if i < st.NumFields() {
			add(st.Field(i), nil, elt)
		}
	}
}

// opaque marks e's variable as changed in a way that cannot be listed
// (how), or the nearest variable under it when e is an element or a
// pointee, and touches its root.
func (w *walker) opaque(e ast.Expr, how change) {
	if e == nil {
		return
	}
	if v := objectof.Var(w.info, e); v != nil {
		w.record(v).changes |= how
	} else if how != incremented {
		w.elementChanged(e)
	}
	w.touch(e)
}

// elementChanged marks the nearest variable under an element or pointee
// (x in x[i] and *x, f in x.f[i]) whose value changes.
func (w *walker) elementChanged(e ast.Expr) {
	for e != nil {
		switch x := e.(type) {
		case *ast.Ident, *ast.SelectorExpr:
			if v := objectof.Var(w.info, x); v != nil {
				w.record(v).changes |= elementChanged
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

// touch marks the variable at the root of e (x in x, x.f, x[i], *x) as
// changed, and e's own variable (a field, or another package's variable
// such as endless.DefaultHammerTime).
func (w *walker) touch(e ast.Expr) {
	if e == nil {
		return
	}
	if v := objectof.Var(w.info, e); v != nil {
		r := w.record(v)
		r.changes |= touched
		r.written = e
	}
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			if _, ok := w.info.Uses[x.Sel].(*types.Var); !ok {
				return
			}
			if id, ok := ast.Unparen(x.X).(*ast.Ident); ok {
				if _, ok := w.info.Uses[id].(*types.PkgName); ok {
					return // pkg.V: V itself, marked above
				}
			}
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.Ident:
			if v, ok := w.info.ObjectOf(x).(*types.Var); ok {
				w.record(v).changes |= touched
			}
			return
		default:
			return
		}
	}
}

// pointerMethod touches x in x.M() when M has a pointer receiver and x
// is not a pointer: the call takes x's address.
func (w *walker) pointerMethod(call *ast.CallExpr) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	fn, ok := typeutil.Callee(w.info, call).(*types.Func)
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
	if t := w.info.TypeOf(sel.X); t != nil {
		if _, ptr := t.Underlying().(*types.Pointer); !ptr {
			w.touch(sel.X)
		}
	}
}
