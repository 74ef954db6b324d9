package shutdown

import (
	"go/ast"
	"go/token"
	"go/types"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sigtermlint/sigtermlint/internal/assign"
	"github.com/sigtermlint/sigtermlint/internal/config"
	"github.com/sigtermlint/sigtermlint/internal/directive"
	"github.com/sigtermlint/sigtermlint/internal/durations"
	"github.com/sigtermlint/sigtermlint/internal/longlived"
	"github.com/sigtermlint/sigtermlint/internal/objectof"
	"github.com/sigtermlint/sigtermlint/internal/reach"
	"github.com/sigtermlint/sigtermlint/internal/stoptimeout"
)

// checker holds what the analysis of one package needs.
type checker struct {
	pass    *analysis.Pass
	cfg     *config.Config
	report  *directive.Reporter // every finding goes through it, for //sigtermlint:ignore
	reach   *reach.Result
	timeout stoptimeout.Timeout
	// assigns indexes the package's assignments, and durs resolves its
	// durations over them: both built on first use, most packages stop
	// nothing.
	assigns *assign.Index
	durs    *durations.Resolver

	scopes []*scope
	// servers are the *http.Servers the package shuts down, followed to
	// what they serve (nil: not followed), by the variable holding each.
	servers     map[*types.Var]*longlived.Server
	serversSeen []Server
	// scopeByBody maps each function body to its scope; comms are the
	// communications of select cases, which the scopes leave out (see
	// visitInScope).
	scopeByBody map[*ast.BlockStmt]*scope
	comms       map[ast.Stmt]bool
	// groupOf maps the literals given to an errgroup.Group's or a
	// sync.WaitGroup's Go method to the group.
	groupOf map[*ast.FuncLit]*types.Var
	// model is the stop model's answer for the package (exit.go), and
	// exits the places it found where the process exits mid-drain.
	model *exitModel
	exits []Exit
	// passes are the functions that return with a serve call they make
	// (exit.go's passThrough), for serveTargets.
	passes map[*types.Func]string
	// calls and goCalls count the calls of the package's functions, all
	// and those made by go statements (see detached.go).
	calls, goCalls map[*types.Func]int
	// lb is what the deployment files say of the load balancers in
	// front of the program (drains.go), read on first use.
	lb *loadBalancers
	// serverFacts are the ServerFacts of the package's functions
	// (server_fact.go).
	serverFacts map[*types.Func]*ServerFact
	// libBounds are the drains that libraries bound themselves (see
	// libbounds.go), for the explain mode.
	libBounds []libraryBound
	// hookCaps are the scopes of fx OnStop hooks written as literals,
	// with the longest known bound (fx.StopTimeout) that the apps they
	// are registered with put on them: fx stops waiting for a hook
	// then, so its own Shutdown deadline counts up to there.
	hookCaps map[*scope]time.Duration
	// stopsSeen are the stops checked, with their budgets, for the
	// analyzer's Result.
	stopsSeen []Stop
}

// assignments returns the package's assignment index, built on first
// use.
func (c *checker) assignments() *assign.Index {
	if c.assigns == nil {
		c.assigns = assign.New(c.pass.TypesInfo, c.pass.Files)
	}
	return c.assigns
}

// durations returns the package's duration resolver, built on first use.
func (c *checker) durations() *durations.Resolver {
	if c.durs == nil {
		c.durs = durations.NewResolver(c.pass.TypesInfo, c.pass.Files, c.assignments())
	}
	return c.durs
}

// def is one definition of a variable in a scope (see defsOf).
type def struct {
	value  ast.Expr
	cancel *types.Var // ctx, cancel := context.WithTimeout(...): cancel
	pos    token.Pos
	scope  *scope

	// cancelPos is where cancel is assigned.
	cancelPos token.Pos
}

// A scope is one function body (a declaration or a literal), without the
// literals nested in it, which are scopes of their own.
type scope struct {
	decl  *ast.FuncDecl // the declaration, or the one the literal sits in
	body  *ast.BlockStmt
	isLit bool
	goLit bool         // a literal started by a go statement
	lit   *ast.FuncLit // the literal, for a literal's scope
	// goStmt is the go statement that starts a literal, and parent the
	// scope it stands in.
	goStmt *ast.GoStmt
	parent *scope
	// group is the errgroup.Group or sync.WaitGroup whose Go method
	// runs the literal: its Wait returns when the literal does.
	group *types.Var
	// deferred: a literal of a defer statement, run when parent returns.
	deferred bool
	flow     *flow                    // built on first use
	isExit   func(*ast.CallExpr) bool // for its graph: the calls that end the process

	// defers are the scope's own defer statements; goStmts its own go
	// statements.
	defers  []*ast.DeferStmt
	goStmts []*ast.GoStmt

	stops    []*stopCall
	exits    []*ast.CallExpr
	sleeps   []*ast.CallExpr
	receives []receive // <-x.Done(), <-sigCh, and select cases on them
	cancels  []*ast.CallExpr
}

// stopCall is a graceful stop: srv.Shutdown(ctx), or one that takes no
// context.
type stopCall struct {
	call *ast.CallExpr
	ctx  ast.Expr // the context argument, or nil
	// timeout is the duration argument of a stop that makes its own
	// context.WithTimeout(context.Background(), d) (fiber's
	// ShutdownWithTimeout(d)), or nil.
	timeout ast.Expr
	name    string // for messages: "Shutdown", "ShutdownWithTimeout"

	// grpc: (*grpc.Server).GracefulStop(), which takes no context: its
	// bound is a timed fallback to Stop(), if any (see fallback).
	grpc bool
	// noDeadline: a call of a function that runs a graceful stop with
	// a context without a deadline it makes itself
	// (reach.FuncFact.StopNoDeadline: fiber's Shutdown()).
	noDeadline bool
	// deferred: the call of a defer statement (only stops that take no
	// context are recorded there).
	deferred bool
}

// receive is a receive from a context's Done() or from a signal channel.
type receive struct {
	ctx    *types.Var // the context whose Done() is received, or nil
	signal bool       // a receive from a chan os.Signal
	at     ast.Node   // the receive expression, or the select clause
	clause *ast.CommClause
}

func (s *scope) cfg(info *types.Info) *flow {
	if s.flow == nil {
		isExit := s.isExit
		if isExit == nil {
			isExit = func(call *ast.CallExpr) bool { return reach.IsExitCall(info, call, nil) }
		}
		s.flow = newFlow(s.body, isExit)
	}
	return s.flow
}

// recordGroupGo notes the literal given to g.Go, with g an
// errgroup.Group or a sync.WaitGroup: g.Wait returns when it does.
func (c *checker) recordGroupGo(call *ast.CallExpr) {
	if len(call.Args) != 1 || !isGroupMethod(c.pass.TypesInfo, call, "Go", "TryGo") {
		return
	}
	lit, ok := ast.Unparen(call.Args[0]).(*ast.FuncLit)
	if !ok {
		return
	}
	if g := objectof.Var(c.pass.TypesInfo, ast.Unparen(call.Fun).(*ast.SelectorExpr).X); g != nil {
		c.groupOf[lit] = g
	}
}

// isGroupMethod reports whether call calls one of the named methods of
// errgroup.Group or sync.WaitGroup.
func isGroupMethod(info *types.Info, call *ast.CallExpr, names ...string) bool {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return false
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if !isNamed(t, "golang.org/x/sync/errgroup", "Group") && !isNamed(t, "sync", "WaitGroup") {
		return false
	}
	for _, n := range names {
		if fn.Name() == n {
			return true
		}
	}
	return false
}

// pointOf returns where a node of the scope sits in its flow.
func (s *scope) pointOf(info *types.Info, n ast.Node) (point, bool) {
	return s.cfg(info).locate(n.Pos())
}

// receivePoint returns the point at which a receive has happened.
func (s *scope) receivePoint(info *types.Info, r receive) (point, bool) {
	if r.clause != nil {
		b, ok := s.cfg(info).caseBody(r.clause)
		return point{b, -1}, ok
	}
	p, ok := s.cfg(info).locate(r.at.Pos())
	return p, ok
}

// index walks the package once: it makes the scopes. It runs once: the
// library checks may ask for it early (the scopes of fx's OnStop hooks).
func (c *checker) index() {
	if c.scopeByBody != nil {
		return
	}
	c.scopeByBody = map[*ast.BlockStmt]*scope{}
	c.comms = map[ast.Stmt]bool{}
	c.groupOf = map[*ast.FuncLit]*types.Var{}
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			c.walkScope(&scope{decl: fd, body: fd.Body})
		}
	}
}

func (c *checker) walkScope(s *scope) {
	s.isExit = c.isExitCall
	c.scopes = append(c.scopes, s)
	c.scopeByBody[s.body] = s
	ast.Inspect(s.body, func(n ast.Node) bool { return c.visitInScope(s, n) })
}

// visitInScope records what one node of a scope is.
func (c *checker) visitInScope(s *scope, n ast.Node) bool {
	switch n := n.(type) {
	case *ast.GoStmt:
		c.recordGo(n)
		s.goStmts = append(s.goStmts, n)
		if lit, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit); ok {
			c.walkScope(&scope{decl: s.decl, body: lit.Body, isLit: true, goLit: true, lit: lit, goStmt: n, parent: s})
			for _, a := range n.Call.Args {
				ast.Inspect(a, func(m ast.Node) bool { return c.visitInScope(s, m) })
			}
			return false
		}
	case *ast.FuncLit:
		c.walkScope(&scope{decl: s.decl, body: n.Body, isLit: true, lit: n, parent: s, group: c.groupOf[n]})
		return false
	case *ast.CallExpr:
		c.recordCall(s, n)
	case *ast.UnaryExpr:
		if n.Op == token.ARROW {
			if r, ok := c.receiveOf(n); ok {
				r.at = n
				s.receives = append(s.receives, r)
			}
		}
	case *ast.CommClause:
		// The receive happens on entry to the case body; the
		// comm itself is not a receive on the way to what follows
		// the select (nor a definition: see defsOf).
		if n.Comm != nil {
			c.comms[n.Comm] = true
		}
		if r, ok := c.commReceive(n); ok {
			r.clause = n
			s.receives = append(s.receives, r)
		}
		for _, st := range n.Body {
			ast.Inspect(st, func(m ast.Node) bool { return c.visitInScope(s, m) })
		}
		return false
	case *ast.DeferStmt:
		// A deferred call runs at return: not a cancel, exit or
		// sleep on the way to what follows. A stop that takes no
		// context is one all the same (defer s.GracefulStop()).
		s.defers = append(s.defers, n)
		if stop, ok := c.noContextStopOf(n.Call); ok {
			stop.deferred = true
			s.stops = append(s.stops, stop)
		}
		ast.Inspect(n.Call, func(m ast.Node) bool {
			if lit, ok := m.(*ast.FuncLit); ok {
				c.walkScope(&scope{decl: s.decl, body: lit.Body, isLit: true, lit: lit, parent: s, deferred: true})
				return false
			}
			return true
		})
		return false
	}
	return true
}

// defsOf returns the definitions of v in the package's scopes, in file
// order: the values given to it (none for a var declaration, and none
// for a tuple other than ctx, cancel := context.WithTimeout(...)), each
// with its scope; a context paired with its cancel function, and the
// cancel function defined there too (a cancel() after it cancels this
// context, not an earlier one). Assignments in a select case's
// communication are left out, as the scopes leave them.
func (c *checker) defsOf(v *types.Var) []def {
	c.index()
	a := c.assignments()
	var defs []def
	if z, ok := a.Zero(v); ok {
		if s := c.scopeOfValue(z); s != nil {
			defs = append(defs, def{pos: z.Lhs.Pos(), scope: s})
		}
	}
	for _, val := range a.Values(v) {
		if s := c.scopeOfValue(val); s != nil {
			if d, ok := c.defOf(s, val); ok {
				defs = append(defs, d)
			}
		}
	}
	return defs
}

// scopeOfValue returns the scope a value is given in, or nil (at
// package level, or in a select case's communication).
func (c *checker) scopeOfValue(val assign.Value) *scope {
	if st, ok := val.Stmt.(ast.Stmt); ok && c.comms[st] {
		return nil
	}
	switch fn := val.Func.(type) {
	case *ast.FuncDecl:
		return c.scopeByBody[fn.Body]
	case *ast.FuncLit:
		return c.scopeByBody[fn.Body]
	}
	return nil
}

// defOf returns the definition a value makes in scope s, pairing a
// context with its cancel function.
func (c *checker) defOf(s *scope, val assign.Value) (def, bool) {
	d := def{value: val.Expr, pos: val.Lhs.Pos(), scope: s}
	if val.Result == 0 {
		return d, true
	}
	d.value = nil
	lhs := tupleLhs(val.Stmt)
	if len(lhs) != 2 {
		return d, true // a multi-value call we cannot see into
	}
	info := c.pass.TypesInfo
	call, ok := ast.Unparen(val.Expr).(*ast.CallExpr)
	withCancel := ok && contextFunc(info, call) != ""
	if val.Result == 2 {
		// The cancel function, assigned with its context.
		return d, withCancel && objectof.Var(info, lhs[0]) != nil
	}
	if withCancel {
		// ctx, cancel := context.WithTimeout(...)
		d.value = val.Expr
		d.cancel, d.cancelPos = objectof.Var(info, lhs[1]), lhs[1].Pos()
	}
	return d, true
}

// tupleLhs returns the left-hand side of an assignment or a declaration.
func tupleLhs(stmt ast.Node) []ast.Expr {
	switch st := stmt.(type) {
	case *ast.AssignStmt:
		return st.Lhs
	case *ast.ValueSpec:
		lhs := make([]ast.Expr, len(st.Names))
		for i, id := range st.Names {
			lhs[i] = id
		}
		return lhs
	}
	return nil
}

// recordCall sorts a call into the scope's stops, exits, sleeps and
// cancels.
func (c *checker) recordCall(s *scope, call *ast.CallExpr) {
	info := c.pass.TypesInfo
	c.countCall(call)
	c.recordGroupGo(call)
	if stop, ok := c.stopOf(call); ok {
		s.stops = append(s.stops, stop)
	} else if stop, ok := c.noContextStopOf(call); ok {
		s.stops = append(s.stops, stop)
	}
	if c.isExitCall(call) {
		s.exits = append(s.exits, call)
	}
	if fn, ok := typeutil.Callee(info, call).(*types.Func); ok && isPkgFunc(fn, "time", "Sleep") && len(call.Args) == 1 {
		s.sleeps = append(s.sleeps, call)
	}
	if v, ok := typeutil.Callee(info, call).(*types.Var); ok && len(call.Args) == 0 {
		if _, ok := v.Type().Underlying().(*types.Signature); ok {
			s.cancels = append(s.cancels, call) // cancel(), stop(): matched to contexts later
		}
	}
}

const grpcPkg = "google.golang.org/grpc"

// stopOf recognizes a graceful stop given a context or a timeout.
func (c *checker) stopOf(call *ast.CallExpr) (*stopCall, bool) {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return nil, false
	}
	if reach.Classify(fn) == reach.KindStop && len(call.Args) == 1 {
		return &stopCall{call: call, ctx: call.Args[0], name: fn.Name()}, true
	}
	if f := c.reach.Fact(fn); f != nil {
		if p := f.StopCtxParam; p > 0 && p <= len(call.Args) {
			return &stopCall{call: call, ctx: call.Args[p-1], name: fn.Name()}, true
		}
		if p := f.StopTimeoutParam; p > 0 && p <= len(call.Args) {
			return &stopCall{call: call, timeout: call.Args[p-1], name: fn.Name()}, true
		}
	}
	return nil, false
}

// noContextStopOf recognizes a graceful stop that takes no context:
// grpc's GracefulStop(), a call of a function that stops without a
// deadline. (Kept apart from stopOf, which the exit checks use.)
func (c *checker) noContextStopOf(call *ast.CallExpr) (*stopCall, bool) {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return nil, false
	}
	if reach.Classify(fn) == reach.KindStop && len(call.Args) == 0 && fn.Pkg().Path() == grpcPkg && fn.Name() == "GracefulStop" {
		return &stopCall{call: call, name: fn.Name(), grpc: true}, true
	}
	if f := c.reach.Fact(fn); f != nil && f.StopNoDeadline && f.StopCtxParam == 0 && f.StopTimeoutParam == 0 {
		return &stopCall{call: call, name: fn.Name(), noDeadline: true}, true
	}
	return nil, false
}

// receiveOf recognizes <-ctx.Done() and <-sigCh.
func (c *checker) receiveOf(u *ast.UnaryExpr) (receive, bool) {
	info := c.pass.TypesInfo
	if call, ok := ast.Unparen(u.X).(*ast.CallExpr); ok {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Done" && len(call.Args) == 0 {
			if isContext(info.TypeOf(sel.X)) {
				if v := objectof.Var(info, sel.X); v != nil {
					return receive{ctx: v}, true
				}
			}
		}
		return receive{}, false
	}
	if ch, ok := info.TypeOf(u.X).Underlying().(*types.Chan); ok && isOSSignal(ch.Elem()) {
		return receive{signal: true}, true
	}
	return receive{}, false
}

// commReceive recognizes `case <-ctx.Done():` and `case s := <-sigCh:`.
func (c *checker) commReceive(cc *ast.CommClause) (receive, bool) {
	var x ast.Expr
	switch comm := cc.Comm.(type) {
	case *ast.ExprStmt:
		x = comm.X
	case *ast.AssignStmt:
		if len(comm.Rhs) == 1 {
			x = comm.Rhs[0]
		}
	}
	if u, ok := ast.Unparen(x).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
		return c.receiveOf(u)
	}
	return receive{}, false
}

func isPkgFunc(fn *types.Func, pkg, name string) bool {
	return fn.Pkg() != nil && fn.Pkg().Path() == pkg && fn.Name() == name && fn.Type().(*types.Signature).Recv() == nil
}

func isContext(t types.Type) bool { return isNamed(t, "context", "Context") }

func isOSSignal(t types.Type) bool { return isNamed(t, "os", "Signal") }

func isNamed(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}
