// Package durations resolves time.Duration expressions statically: the
// constants, the variables set once from a constant, and the defaults of
// duration flags. Anything else is unknown, and callers say nothing that
// depends on it.
package durations

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
	"time"

	"github.com/sigtermlint/sigtermlint/internal/assign"
	"github.com/sigtermlint/sigtermlint/internal/objectof"
)

// Format prints a duration the way the findings do: 30s, 1m30s, 2m,
// 500ms (time's 2m0s without the zero seconds).
func Format(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// Resolver resolves durations within one package.
type Resolver struct {
	info  *types.Info
	files []*ast.File
	// assigns holds what the package assigns to its variables.
	assigns *assign.Index
	// flagDefaults maps a variable bound with flag.DurationVar(&v, ...)
	// to its default; nil until a variable whose address is taken is
	// evaluated (see flagDefault).
	flagDefaults map[*types.Var]ast.Expr
}

// NewResolver returns a resolver for the package of files, whose
// assignments assigns indexes.
func NewResolver(info *types.Info, files []*ast.File, assigns *assign.Index) *Resolver {
	return &Resolver{info: info, files: files, assigns: assigns}
}

func (r *Resolver) varOf(e ast.Expr) *types.Var { return objectof.Var(r.info, e) }

// flagDefault returns the default of the flag that v is bound to with
// flag.DurationVar(&v, ...). Taking v's address makes it Opaque, so the
// package's calls are read only for such a variable, on first need.
func (r *Resolver) flagDefault(v *types.Var) (ast.Expr, bool) {
	if r.flagDefaults == nil {
		r.flagDefaults = map[*types.Var]ast.Expr{}
		for _, f := range r.files {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if v, def, ok := r.durationVar(call); ok {
						r.flagDefaults[v] = def
					}
				}
				return true
			})
		}
	}
	def, ok := r.flagDefaults[v]
	return def, ok
}

// durationVar matches flag.DurationVar(&v, name, default, usage) and the
// FlagSet method of the same name.
func (r *Resolver) durationVar(call *ast.CallExpr) (*types.Var, ast.Expr, bool) {
	fn := objectof.Func(r.info, call.Fun)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "flag" || fn.Name() != "DurationVar" || len(call.Args) != 4 {
		return nil, nil, false
	}
	u, ok := ast.Unparen(call.Args[0]).(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return nil, nil, false
	}
	v := r.varOf(u.X)
	return v, call.Args[2], v != nil
}

// Eval returns the value of a time.Duration expression, or false when it
// cannot be known.
func (r *Resolver) Eval(e ast.Expr) (time.Duration, bool) {
	return r.eval(e, 0)
}

func (r *Resolver) eval(e ast.Expr, depth int) (time.Duration, bool) {
	if depth > 8 {
		return 0, false
	}
	e = ast.Unparen(e)
	if tv, ok := r.info.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() != constant.Int {
			return 0, false
		}
		n, exact := constant.Int64Val(tv.Value)
		return time.Duration(n), exact
	}
	switch x := e.(type) {
	case *ast.StarExpr:
		// *d where d := flag.Duration(name, default, usage)
		if v := r.varOf(x.X); v != nil {
			if val, ok := r.assigns.Single(v); ok {
				if call, ok := ast.Unparen(val).(*ast.CallExpr); ok {
					if fn := objectof.Func(r.info, call.Fun); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "flag" && fn.Name() == "Duration" && len(call.Args) == 3 {
						return r.eval(call.Args[1], depth+1)
					}
				}
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		v := r.varOf(x)
		if v == nil {
			return 0, false
		}
		if r.assigns.Opaque(v) {
			// A variable bound to a flag is set by the flag package:
			// its value is the default unless the program also
			// assigns it.
			if def, ok := r.flagDefault(v); ok && len(r.assigns.Values(v)) == 0 {
				return r.eval(def, depth+1)
			}
			return 0, false
		}
		if val, ok := r.assigns.Single(v); ok {
			return r.eval(val, depth+1)
		}
	case *ast.BinaryExpr:
		a, okA := r.eval(x.X, depth+1)
		if !okA {
			return 0, false
		}
		switch x.Op {
		case token.ADD, token.SUB:
			b, okB := r.eval(x.Y, depth+1)
			if !okB {
				return 0, false
			}
			if x.Op == token.ADD {
				return a + b, true
			}
			return a - b, true
		case token.MUL:
			if n, ok := r.intConst(x.Y); ok {
				return a * time.Duration(n), true
			}
		}
		if x.Op == token.MUL {
			if n, ok := r.intConst(x.X); ok {
				if b, ok := r.eval(x.Y, depth+1); ok {
					return b * time.Duration(n), true
				}
			}
		}
	case *ast.CallExpr:
		// time.Duration(n) * time.Second with n a variable set once.
		if tv, ok := r.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			if n, ok := r.intValue(x.Args[0], depth+1); ok {
				return time.Duration(n), true
			}
		}
	}
	return 0, false
}

// intConst returns the value of an integer constant expression.
func (r *Resolver) intConst(e ast.Expr) (int64, bool) {
	tv, ok := r.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(tv.Value)
}

// intValue resolves an integer constant or a variable set once from one.
func (r *Resolver) intValue(e ast.Expr, depth int) (int64, bool) {
	if n, ok := r.intConst(e); ok {
		return n, true
	}
	if depth > 8 {
		return 0, false
	}
	val, ok := r.assigns.Single(r.varOf(e))
	if !ok {
		return 0, false
	}
	return r.intValue(val, depth+1)
}
