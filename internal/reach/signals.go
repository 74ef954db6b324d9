package reach

import (
	"go/ast"
	"go/constant"
	"go/types"

	"github.com/sigtermlint/sigtermlint/internal/assign"
	"github.com/sigtermlint/sigtermlint/internal/objectof"
)

// sigSet is what a signal list handed to signal.Notify holds.
type sigSet struct {
	bits  Bits // SigTERM, SigINT, SigUnknown
	n     int  // elements seen, handled or not (os.Kill counts, adds nothing)
	param int  // 1-based parameter of the enclosing function whose signals are in the list
	// intElem is the first element that is SIGINT, where a fix can add
	// SIGTERM next to it.
	intElem ast.Expr
	// killElem is the first element that is SIGKILL (os.Kill,
	// syscall.SIGKILL), which a fix can replace by SIGTERM.
	killElem ast.Expr
}

func (s *sigSet) add(o sigSet) {
	s.bits |= o.bits
	s.n += o.n
	if s.param == 0 {
		s.param = o.param
	} else if o.param != 0 && o.param != s.param {
		s.bits |= SigUnknown
	}
	if s.intElem == nil {
		s.intElem = o.intElem
	}
	if s.killElem == nil {
		s.killElem = o.killElem
	}
}

// all applies signal.Notify's rule that an empty list relays every signal.
func (s sigSet) all() sigSet {
	if s.n == 0 && s.param == 0 && s.bits == 0 {
		s.bits = SigTERM | SigINT | SigQUIT
	}
	return s
}

// Signal numbers, the same on every Unix and in Go's Windows syscall.
const (
	sigintNum  = 2
	sigquitNum = 3
	sigkillNum = 9
	sigtermNum = 15
)

// signalEval resolves signal lists inside one function.
type signalEval struct {
	info    *types.Info
	assigns *assign.Index
	params  map[*types.Var]int // the enclosing declared function's parameters, 1-based
	seen    map[*types.Var]bool
}

// list evaluates the signal arguments of a Notify-like call.
func (e *signalEval) list(args []ast.Expr, ellipsis bool) sigSet {
	var s sigSet
	for i, a := range args {
		if ellipsis && i == len(args)-1 {
			s.add(e.slice(a))
		} else {
			s.add(e.elem(a))
		}
	}
	return s.all()
}

// argsFor evaluates, at a call site, the arguments given for the callee's
// parameter p (1-based) whose signals the callee notifies.
func (e *signalEval) argsFor(call *ast.CallExpr, sig *types.Signature, p int) sigSet {
	if p > sig.Params().Len() {
		return sigSet{bits: SigUnknown}
	}
	if sig.Variadic() && p == sig.Params().Len() {
		if p-1 > len(call.Args) {
			return sigSet{bits: SigUnknown}
		}
		return e.list(call.Args[p-1:], call.Ellipsis.IsValid())
	}
	if p-1 >= len(call.Args) {
		return sigSet{bits: SigUnknown}
	}
	a := call.Args[p-1]
	if _, ok := e.info.TypeOf(a).Underlying().(*types.Slice); ok {
		return e.slice(a).all()
	}
	return e.elem(a)
}

// slice evaluates an expression of type []os.Signal.
func (e *signalEval) slice(x ast.Expr) sigSet {
	x = ast.Unparen(x)
	switch x := x.(type) {
	case *ast.CompositeLit:
		var s sigSet
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			s.add(e.elem(elt))
		}
		return s
	case *ast.CallExpr:
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && len(x.Args) > 0 {
			if _, ok := e.info.Uses[id].(*types.Builtin); ok && id.Name == "append" {
				s := e.slice(x.Args[0])
				s.add(e.list(x.Args[1:], x.Ellipsis.IsValid()))
				return s
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		if v := objectof.Var(e.info, x); v != nil {
			return e.variable(v, e.slice)
		}
	}
	return sigSet{bits: SigUnknown}
}

// elem evaluates one os.Signal expression.
func (e *signalEval) elem(x ast.Expr) sigSet {
	x = ast.Unparen(x)
	if tv, ok := e.info.Types[x]; ok && tv.Value != nil {
		if !isSignalType(tv.Type) {
			return sigSet{bits: SigUnknown}
		}
		num, _ := constant.Int64Val(tv.Value)
		switch num {
		case sigtermNum:
			return sigSet{bits: SigTERM, n: 1}
		case sigintNum:
			return sigSet{bits: SigINT, n: 1, intElem: x}
		case sigquitNum:
			return sigSet{bits: SigQUIT, n: 1}
		case sigkillNum:
			return sigSet{n: 1, killElem: x} // cannot be caught: handles nothing
		}
		return sigSet{n: 1} // os.Kill, SIGHUP, ...: handles neither
	}
	v := objectof.Var(e.info, x)
	if v == nil {
		return sigSet{bits: SigUnknown}
	}
	if v.Pkg() != nil && v.Pkg().Path() == "os" && v.Parent() == v.Pkg().Scope() {
		switch v.Name() {
		case "Interrupt":
			return sigSet{bits: SigINT, n: 1, intElem: x}
		case "Kill":
			return sigSet{n: 1, killElem: x} // cannot be caught: handles nothing
		}
	}
	return e.variable(v, e.elem)
}

// variable evaluates every value assigned to v in this package with eval.
func (e *signalEval) variable(v *types.Var, eval func(ast.Expr) sigSet) sigSet {
	if p, ok := e.params[v]; ok {
		return sigSet{param: p}
	}
	if e.seen[v] {
		return sigSet{} // x = append(x, ...): the other values are evaluated already
	}
	vals, ok := e.assigns.Known(v)
	if !ok || len(vals) == 0 {
		return sigSet{bits: SigUnknown}
	}
	if e.seen == nil {
		e.seen = map[*types.Var]bool{}
	}
	e.seen[v] = true
	defer delete(e.seen, v)
	var s sigSet
	for _, val := range vals {
		s.add(eval(val.Expr))
	}
	return s
}

// isSignalType reports whether t is syscall.Signal (golang.org/x/sys/unix's
// Signal is an alias of it).
func isSignalType(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Name() == "Signal" && n.Obj().Pkg() != nil &&
		(n.Obj().Pkg().Path() == syscallPk || n.Obj().Pkg().Path() == unixPkg)
}
