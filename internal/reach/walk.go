package reach

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sigtermlint/sigtermlint/internal/assign"
	"github.com/sigtermlint/sigtermlint/internal/objectof"
	"github.com/sigtermlint/sigtermlint/internal/ownflow"
)

// A node is a function of the package being analyzed (or the package's
// variable initializers), with what its body reaches.
type node struct {
	fn   *types.Func   // a function's node
	decl *ast.FuncDecl // with its declaration
	// spec is a package-level variable declaration: the node stands for
	// what its values reach, counted where the variables are used. The
	// calls its values make run at initialization and go to initCalls.
	spec      *ast.ValueSpec
	initCalls *node
	params    map[*types.Var]int
	items     []*item

	// Set by propagate: what the node reaches, transitively.
	bits     Bits
	sigParam int
	via      string
	callers  []*node

	// stopCtxParam: the parameter handed to a graceful stop as its
	// context, found in the node's own body (not through its callees).
	stopCtxParam int
	// stopTimeoutParam: the duration parameter that bounds a graceful
	// stop run with a fresh context.WithTimeout(context.Background(), d).
	stopTimeoutParam int
	// stopNoDeadline: an exported function of a package other than
	// main that runs, in its own flow, a graceful stop whose context
	// has no deadline and is none of its parameters (FuncFact.StopNoDeadline).
	stopNoDeadline bool

	// stopsWithin is the time a //sigtermlint:stops-within declaration
	// on the function gives its stop.
	stopsWithin time.Duration

	// exits: the function ends the process on every path (exits.go).
	exits bool
}

// An item is one thing a node's body does that matters: a recognized
// call, a call or mention of a function with a fact, or of a function of
// this package.
type item struct {
	pos, end token.Pos
	bits     Bits   // what the item reaches by itself (leaves and facts)
	via      string // serve chain from here, when bits has Serve
	sigParam int    // the node's parameter whose signals the item notifies
	intElem  ast.Expr
	killElem ast.Expr
	notify   bool // a signal.Notify / NotifyContext call
	// noDeadline: a graceful stop given a context without a deadline
	// made here (context.Background()), or a call of another package's
	// function that runs one (FuncFact.StopNoDeadline).
	noDeadline bool
	// async: the item runs in a go statement, defer or function literal,
	// not in the node's own flow.
	async bool
	// blocking: a call in the node's own flow, in a statement of its body
	// (not in a branch, a loop, a goroutine or a literal): if it blocks
	// in a serve call, so does the node.
	blocking bool
	// mask drops bits the item must not pass on: a value converted to a
	// standard-library interface may be closed or stopped through it, but
	// is never started through it.
	mask Bits

	callee *node         // a function of this package, called or mentioned
	call   *ast.CallExpr // set when callee is called, to resolve its signal parameter
	calls  sigSet        // callee's signal parameter resolved at call, once known
	solved bool
}

// walker collects the items of one node.
type walker struct {
	pass    *analysis.Pass
	nodes   map[*types.Func]*node
	vars    map[*types.Var]*node // package-level variables with values
	assigns *assign.Index
	stored  map[ast.Expr]bool // function values stored in resolvable fields: not mentions
	n       *node
	eval    signalEval
	mask    Bits // bits mentions made now must not pass on
	async   int
	results []*types.Tuple // result types of the enclosing functions, innermost last
	// tparamCalls caches, per generic type of the package, the methods
	// its methods call on its type parameters (see typeInstance).
	tparamCalls map[*types.TypeName]map[string]bool
}

// add records an item; called says whether it is a call (not a mention).
func (w *walker) add(it *item, called bool) {
	it.async = w.async > 0
	it.blocking = called && !it.async && w.inFlow(it.pos)
	if !it.blocking {
		it.bits &^= ServeSync
	}
	n := w.n
	if n.initCalls != nil && called && !it.async {
		n = n.initCalls // a call in a variable's initializer runs at init
	}
	n.items = append(n.items, it)
}

// useVar records a use of a package-level variable: what its value
// reaches counts as reached here (a command table, a handler stored in a
// variable).
func (w *walker) useVar(v *types.Var, at ast.Expr) {
	if v.Parent() == nil || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return // a local, a parameter or a field
	}
	it := &item{pos: at.Pos(), end: at.End()}
	if n := w.vars[v]; n != nil {
		if n == w.n {
			return
		}
		it.callee = n
	} else {
		if v.Pkg() == w.pass.Pkg || stdPackages[v.Pkg().Path()] {
			return
		}
		var f FuncFact
		if !w.pass.ImportObjectFact(v, &f) {
			return
		}
		it.bits, it.via = f.Bits&^(ServeErr|ServeSync), f.Via
		if f.SignalParam > 0 {
			it.bits |= SigUnknown
		}
	}
	w.add(it, false)
}

// inFlow reports whether pos is in a statement of the node's body
// itself (ownflow.TopLevel): a call there runs once when the function
// gets there, before what follows.
func (w *walker) inFlow(pos token.Pos) bool {
	return w.n.decl != nil && ownflow.TopLevel(w.n.decl.Body, pos)
}

func (w *walker) walk(n ast.Node) {
	if n == nil {
		return
	}
	ast.Inspect(n, w.visit)
}

func (w *walker) visit(n ast.Node) bool {
	info := w.pass.TypesInfo
	switch n := n.(type) {
	case *ast.FuncLit:
		// A literal defined here counts as reached from here.
		w.async++
		w.results = append(w.results, signatureOf(info, n).Results())
		w.walk(n.Body)
		w.results = w.results[:len(w.results)-1]
		w.async--
		return false
	case *ast.GoStmt:
		w.async++
		w.walk(n.Call)
		w.async--
		return false
	case *ast.DeferStmt:
		w.async++
		w.walk(n.Call)
		w.async--
		return false
	case *ast.CallExpr:
		w.call(n)
		return false
	case *ast.SelectorExpr:
		switch obj := info.Uses[n.Sel].(type) {
		case *types.Func:
			w.mention(obj, n)
		case *types.Var:
			w.useVar(obj, n)
		}
		if id, ok := n.X.(*ast.Ident); ok {
			if _, ok := info.Uses[id].(*types.PkgName); ok {
				return false
			}
		}
		w.walk(n.X)
		return false
	case *ast.Ident:
		switch obj := info.Uses[n].(type) {
		case *types.Func:
			w.mention(obj, n)
		case *types.Var:
			w.useVar(obj, n)
		case *types.TypeName:
			w.typeInstance(obj, n)
		}
	case *ast.AssignStmt:
		if n.Tok == token.ASSIGN {
			if len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					w.convert(n.Rhs[i], info.TypeOf(l))
				}
			} else if len(n.Rhs) == 1 {
				dsts := make([]types.Type, len(n.Lhs))
				for i, l := range n.Lhs {
					dsts[i] = info.TypeOf(l)
				}
				w.convertTuple(n.Rhs[0], dsts)
			}
		}
	case *ast.ValueSpec:
		if n.Type != nil {
			for _, v := range n.Values {
				w.convert(v, info.TypeOf(n.Type))
			}
		}
	case *ast.ReturnStmt:
		if len(w.results) == 1 && len(n.Results) > 0 {
			w.returnsServeErr(n.Results[len(n.Results)-1])
		}
		if len(w.results) > 0 {
			res := w.results[len(w.results)-1]
			if res != nil && res.Len() == len(n.Results) {
				for i, r := range n.Results {
					w.convert(r, res.At(i).Type())
				}
			} else if res != nil && len(n.Results) == 1 {
				dsts := make([]types.Type, res.Len())
				for i := range dsts {
					dsts[i] = res.At(i).Type()
				}
				w.convertTuple(n.Results[0], dsts)
			}
		}
	case *ast.SendStmt:
		if ch, ok := typeUnder[*types.Chan](info.TypeOf(n.Chan)); ok {
			w.convert(n.Value, ch.Elem())
		}
	case *ast.CompositeLit:
		w.compositeLit(n)
	case *ast.TypeAssertExpr:
		if n.Type != nil {
			w.assertion(info.TypeOf(n.Type), n)
		}
	case *ast.TypeSwitchStmt:
		for _, cc := range n.Body.List {
			for _, t := range cc.(*ast.CaseClause).List {
				if tv, ok := info.Types[t]; ok && tv.IsType() {
					w.assertion(tv.Type, t)
				}
			}
		}
	}
	return true
}

// call records what a call does, then walks its operands.
func (w *walker) call(call *ast.CallExpr) {
	info := w.pass.TypesInfo
	switch callee := typeutil.Callee(info, call).(type) {
	case *types.Func:
		w.callFunc(callee, call)
	case *types.Var:
		// A function-typed field or variable set from exactly one function.
		if fn := w.assigns.Callee(callee); fn != nil {
			w.callFunc(fn, call)
		}
	}
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
		w.convert(call.Args[0], tv.Type)
	} else if sig, ok := typeUnder[*types.Signature](info.TypeOf(call.Fun)); ok {
		w.convertArgs(call, sig)
	}
	w.instances(call.Fun)
	w.walkFun(call.Fun)
	for _, a := range call.Args {
		w.walk(a)
	}
}

// walkFun walks the operands of a call's function expression without
// counting the called function itself as a mention.
func (w *walker) walkFun(fun ast.Expr) {
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
	case *ast.SelectorExpr:
		if id, ok := f.X.(*ast.Ident); ok {
			if _, ok := w.pass.TypesInfo.Uses[id].(*types.PkgName); ok {
				return
			}
		}
		w.walk(f.X)
	case *ast.IndexExpr:
		w.walkFun(f.X)
	case *ast.IndexListExpr:
		w.walkFun(f.X)
	default:
		w.walk(fun)
	}
}

// callFunc records a call of fn.
func (w *walker) callFunc(fn *types.Func, call *ast.CallExpr) {
	fn = fn.Origin()
	if objectof.IsInterfaceMethod(fn) {
		return // its implementations are credited where values are converted
	}
	it := &item{pos: call.Pos(), end: call.End()}
	switch Classify(fn) {
	case KindServe, KindServeNoHandle:
		it.bits, it.via = Serve|ServeSync, objectof.FuncName(fn)
	case KindStop:
		it.bits = Stop
		if len(call.Args) == 1 {
			w.stopCtx(call.Args[0])
			it.noDeadline = w.noDeadline(call.Args[0])
		}
	case KindDrain:
		if len(call.Args) != 1 || !isConstFalse(w.pass.TypesInfo, call.Args[0]) {
			return // turning keep-alives on stops nothing
		}
		if w.n.decl == nil || !closesListener(w.pass.TypesInfo, w.n.decl.Body) {
			return // keep-alives off as configuration, not a drain
		}
		it.bits = Stop
	case KindNotify:
		if len(call.Args) == 0 {
			return
		}
		s := w.eval.list(call.Args[1:], call.Ellipsis.IsValid())
		it.bits, it.sigParam, it.intElem, it.killElem, it.notify = s.bits, s.param, s.intElem, s.killElem, true
	default:
		if n := w.nodes[fn]; n != nil {
			it.callee, it.call = n, call
			break
		}
		fact := w.importFact(fn)
		if fact == nil {
			return
		}
		it.bits, it.via = fact.Bits&^ServeErr, chain(fn, fact.Via)
		if p := fact.StopCtxParam; p > 0 && p <= len(call.Args) {
			w.stopCtx(call.Args[p-1])
			it.noDeadline = w.noDeadline(call.Args[p-1])
		}
		it.noDeadline = it.noDeadline || fact.StopNoDeadline
		if fact.SignalParam > 0 {
			s := w.eval.argsFor(call, fn.Type().(*types.Signature), fact.SignalParam)
			if s.bits&(SigTERM|SigINT) == 0 && s.n == 0 && s.param == 0 {
				s = s.all()
			}
			it.bits |= s.bits
			it.sigParam, it.intElem, it.killElem = s.param, s.intElem, s.killElem
		}
	}
	w.add(it, true)
}

// stopCtx records that the node hands its context parameter to a
// graceful stop.
func (w *walker) stopCtx(arg ast.Expr) {
	id, ok := ast.Unparen(arg).(*ast.Ident)
	if !ok {
		return
	}
	v, ok := w.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return
	}
	if p := w.n.params[v]; p > 0 {
		// Only the caller's context, not one assigned over it, nor
		// one the function waits on: Shutdown gets it once it is
		// done (cancelled-context, reported in the function), so
		// whether the caller's has a deadline changes nothing.
		if vals, known := w.assigns.Known(v); w.n.stopCtxParam == 0 && known && len(vals) == 0 &&
			!receivesDone(w.pass.TypesInfo, w.n.decl, v) {
			w.n.stopCtxParam = p
		}
		return
	}
	// ctx, cancel := context.WithTimeout(context.Background(), d) with d
	// a parameter: the caller's d bounds the stop.
	call := w.assigns.FirstResultOf(v)
	if call == nil || len(call.Args) != 2 || !isContextFunc(w.pass.TypesInfo, call, "WithTimeout") {
		return
	}
	root, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr)
	if !ok || !(isContextFunc(w.pass.TypesInfo, root, "Background") || isContextFunc(w.pass.TypesInfo, root, "TODO")) {
		return
	}
	if d, ok := ast.Unparen(call.Args[1]).(*ast.Ident); ok {
		if dv, ok := w.pass.TypesInfo.Uses[d].(*types.Var); ok && w.n.params[dv] > 0 && w.n.stopTimeoutParam == 0 {
			if vals, known := w.assigns.Known(dv); !known || len(vals) > 0 {
				return // the parameter is assigned over
			}
			w.n.stopTimeoutParam = w.n.params[dv]
		}
	}
}

// receivesDone reports whether fd's body (its literals included)
// receives from v.Done(): <-v.Done(), alone or as a select case.
func receivesDone(info *types.Info, fd *ast.FuncDecl, v *types.Var) bool {
	if fd == nil || fd.Body == nil {
		return false
	}
	found := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		u, ok := n.(*ast.UnaryExpr)
		if found || !ok || u.Op != token.ARROW {
			return !found
		}
		call, ok := ast.Unparen(u.X).(*ast.CallExpr)
		if !ok || len(call.Args) != 0 {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Done" {
			return true
		}
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}

// noDeadline reports whether a context expression is made, in this
// package, from context.Background() or TODO() with no deadline and no
// cancel function on the way: the literal call, WithValue over one, or a
// variable assigned only that.
func (w *walker) noDeadline(e ast.Expr) bool {
	info := w.pass.TypesInfo
	for range 8 {
		switch x := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			switch {
			case isContextFunc(info, x, "Background"), isContextFunc(info, x, "TODO"):
				return true
			case isContextFunc(info, x, "WithValue") && len(x.Args) == 3:
				e = x.Args[0]
			default:
				return false
			}
		case *ast.Ident:
			v, ok := info.Uses[x].(*types.Var)
			if !ok {
				return false
			}
			vals, known := w.assigns.Known(v)
			if !known || len(vals) != 1 || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
				return false // a parameter, a package variable, several values
			}
			e = vals[0].Expr
		default:
			return false
		}
	}
	return false
}

// stopsWithoutDeadline reports whether n is a function that callers in
// other packages may call and that runs, in its own flow, a graceful
// stop without a deadline it makes itself, directly or through a
// function that does (FuncFact.StopNoDeadline).
func (w *walker) stopsWithoutDeadline(n *node) bool {
	if n.fn == nil || !n.fn.Exported() || w.pass.Pkg.Name() == "main" {
		return false
	}
	for _, it := range n.items {
		if !it.blocking {
			continue
		}
		if it.noDeadline {
			return true
		}
		if c := it.callee; c != nil && it.call != nil {
			if c.stopNoDeadline || (c.stopCtxParam > 0 && c.stopCtxParam <= len(it.call.Args) && w.noDeadline(it.call.Args[c.stopCtxParam-1])) {
				return true
			}
		}
	}
	return false
}

func isContextFunc(info *types.Info, call *ast.CallExpr, name string) bool {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == "context" && fn.Name() == name
}

// returnsServeErr records a `return srv.Serve(l)`: the node's error is
// the net/http serve error.
func (w *walker) returnsServeErr(res ast.Expr) {
	call, ok := ast.Unparen(res).(*ast.CallExpr)
	if !ok {
		return
	}
	fn, ok := typeutil.Callee(w.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return
	}
	fn = fn.Origin()
	serveErr := false
	if k := Classify(fn); k == KindServe || k == KindServeNoHandle {
		serveErr = fn.Pkg().Path() == netHTTP
	} else if fact := w.importFact(fn); fact != nil {
		serveErr = fact.Bits&ServeErr != 0
	}
	if serveErr {
		w.n.items = append(w.n.items, &item{pos: call.Pos(), end: call.End(), bits: ServeErr})
	}
}

// mention records a function used as a value (passed, stored, returned):
// whatever calls the value later, the function counts as reached here.
func (w *walker) mention(fn *types.Func, at ast.Expr) {
	if w.stored[at] {
		return // called through its field, where the arguments are known
	}
	fn = fn.Origin()
	if objectof.IsInterfaceMethod(fn) {
		return
	}
	it := &item{pos: at.Pos(), end: at.End()}
	switch Classify(fn) {
	case KindServe, KindServeNoHandle:
		it.bits, it.via = Serve, objectof.FuncName(fn)
	case KindStop:
		it.bits = Stop
	case KindDrain:
		return // a method value of SetKeepAlivesEnabled: its argument is unknown
	case KindNotify:
		it.bits = SigUnknown // the signals are given wherever the value is called
	default:
		if n := w.nodes[fn]; n != nil {
			it.callee = n
			break
		}
		fact := w.importFact(fn)
		if fact == nil {
			return
		}
		it.bits, it.via = fact.Bits&^ServeErr, chain(fn, fact.Via)
		if fact.SignalParam > 0 {
			it.bits |= SigUnknown
		}
	}
	it.mask = w.mask
	it.bits &^= w.mask
	if w.mask&Serve != 0 {
		it.via = ""
	}
	w.add(it, false)
}

// importFact returns fn's fact, or nil. Standard library functions have
// none: the ones that matter are leaves.
func (w *walker) importFact(fn *types.Func) *FuncFact { return importedFact(w.pass, fn) }

// importedFact returns the fact of a function of another package that is
// not the standard library's, or nil.
func importedFact(pass *analysis.Pass, fn *types.Func) *FuncFact {
	if fn.Pkg() == nil || fn.Pkg() == pass.Pkg || stdPackages[fn.Pkg().Path()] {
		return nil
	}
	var f FuncFact
	if !pass.ImportObjectFact(fn, &f) {
		return nil
	}
	return &f
}

// closesListener reports whether body closes a net listener (ln.Close(),
// with ln a net.Listener or a *net.TCPListener...): with keep-alives
// turned off, that is the drain by hand, new connections refused and the
// open ones finishing their requests.
func closesListener(info *types.Info, body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		if fn, ok := typeutil.Callee(info, call).(*types.Func); ok && fn.Name() == "Close" && fn.Pkg() != nil && fn.Pkg().Path() == "net" {
			if tn := recvNamed(fn); tn != nil && strings.HasSuffix(tn.Name(), "Listener") {
				found = true
			}
		}
		return true
	})
	return found
}

// isConstFalse reports whether e is the constant false.
func isConstFalse(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && !constant.BoolVal(tv.Value)
}

// chain prefixes a fact's serve chain with the function that leads to it.
func chain(fn *types.Func, via string) string {
	if via == "" {
		return ""
	}
	return joinVia(objectof.FuncName(fn), via)
}

// joinVia puts name before a serve chain: "name -> via", or via alone
// when it starts at name's own declaration ("lib.Serve (declared by
// //sigtermlint:serves)").
func joinVia(name, via string) string {
	if strings.HasPrefix(via, name+declaredServe) {
		return via
	}
	return name + " -> " + via
}

func signatureOf(info *types.Info, lit *ast.FuncLit) *types.Signature {
	sig, _ := info.TypeOf(lit).(*types.Signature)
	if sig == nil {
		return types.NewSignatureType(nil, nil, nil, nil, nil, false)
	}
	return sig
}

func typeUnder[T types.Type](t types.Type) (T, bool) {
	var zero T
	if t == nil {
		return zero, false
	}
	u, ok := t.Underlying().(T)
	return u, ok
}
