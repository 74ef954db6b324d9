package shutdown

import (
	"go/ast"
	"go/types"
	"strings"
	"time"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sigtermlint/sigtermlint/internal/durations"
	"github.com/sigtermlint/sigtermlint/internal/libbounds"
	"github.com/sigtermlint/sigtermlint/internal/objectof"
)

// The packages whose calls start or configure a library's drain.
const (
	fxPkg          = "go.uber.org/fx"
	ctrlPkg        = "sigs.k8s.io/controller-runtime"
	managerPkg     = "sigs.k8s.io/controller-runtime/pkg/manager"
	k8sPtrPkg      = "k8s.io/utils/ptr"
	k8sPointerPkg  = "k8s.io/utils/pointer"
	hertzServerPkg = "github.com/cloudwego/hertz/pkg/app/server"
	echoPkg        = "github.com/labstack/echo/v5"
	fiberPkg       = "github.com/gofiber/fiber/v3"
	endlessPkg     = "github.com/fvbock/endless"
	restPkg        = "github.com/zeromicro/go-zero/rest"
	zrpcPkg        = "github.com/zeromicro/go-zero/zrpc"
	procPkg        = "github.com/zeromicro/go-zero/core/proc"
	kratosPkg      = "github.com/go-kratos/kratos/v2"
)

// libMatcher recognizes the calls that start a library's drain and
// reads the options that configure its bound.
type libMatcher struct {
	c    *checker
	info *types.Info
	vals *assignments
	// go-zero's process-wide settings made in the package: the calls of
	// proc.SetTimeToForceQuit with the functions they are in, and
	// whether proc.Setup is called.
	forceQuits    []*ast.CallExpr
	forceQuitDecl map[*ast.CallExpr]*ast.FuncDecl
	procSetup     bool
}

func newLibMatcher(c *checker) *libMatcher {
	m := &libMatcher{c: c, info: c.pass.TypesInfo, vals: newAssignments(c.pass.TypesInfo, c.assignments()), forceQuitDecl: map[*ast.CallExpr]*ast.FuncDecl{}}
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				if fn := typeutil.StaticCallee(m.info, call); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == procPkg {
					switch fn.Name() {
					case "SetTimeToForceQuit":
						m.forceQuits = append(m.forceQuits, call)
						m.forceQuitDecl[call] = fd
					case "Setup":
						m.procSetup = true
					}
				}
				return true
			})
		}
	}
	return m
}

// match recognizes a call that starts a library's drain, made in fd.
func (m *libMatcher) match(fd *ast.FuncDecl, call *ast.CallExpr) (libDrain, bool) {
	fn, ok := typeutil.Callee(m.info, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return libDrain{}, false
	}
	pkg, recv, name := fn.Pkg().Path(), recvName(fn), fn.Name()
	switch {
	case pkg == fxPkg && recv == "App" && name == "Run":
		return m.fx(call)
	case pkg == managerPkg && recv == "Manager" && name == "Start":
		return m.controllerRuntime(call)
	case pkg == hertzServerPkg && recv == "Hertz" && name == "Spin":
		return m.hertz(call)
	case pkg == echoPkg && recv == "Echo" && name == "Start":
		return defaultDrain(&libbounds.EchoV5, call), true // no option: always echo's default
	case pkg == echoPkg && recv == "StartConfig" && (name == "Start" || name == "StartTLS"):
		return m.echoConfig(call)
	case pkg == fiberPkg && recv == "App" && (name == "Listen" || name == "Listener"):
		return m.fiber(call)
	case pkg == endlessPkg && (recv == "" || recv == "endlessServer") && (name == "ListenAndServe" || name == "ListenAndServeTLS"):
		return m.endless(call), true
	case pkg == restPkg && recv == "Server" && (name == "Start" || name == "StartWithOpts"),
		pkg == zrpcPkg && recv == "RpcServer" && name == "Start":
		return m.goZero(fd, call), true
	case pkg == kratosPkg && recv == "App" && name == "Run":
		return m.kratos(call)
	}
	return libDrain{}, false
}

// fx: fx.New(opts...).Run(), the bound set by the last fx.StopTimeout,
// possibly inside fx.Options.
func (m *libMatcher) fx(call *ast.CallExpr) (libDrain, bool) {
	lib := &libbounds.Fx
	ctor, ok := m.constructor(call, fxPkg, "New")
	if !ok {
		return unknownDrain(lib, call), true
	}
	opt, known := m.lastOption(ctor.Args, ctor.Ellipsis.IsValid(), lib.Module, isFunc(fxPkg, "StopTimeout"), isFunc(fxPkg, "Options"))
	d := m.optionDrain(lib, call, opt, known)
	if d.known && !d.unbounded {
		m.fxHookBounds(&d, ctor)
	}
	return d, true
}

// fxHookBounds reads the OnStop hooks that the functions given to the
// app's options register, when it can list them all. fx runs them one
// after the other under its StopTimeout and stops waiting at its end:
// that bound is a cap, and hooks that bound their own drain (their
// Shutdown under a WithTimeout of theirs) end the drain sooner. The
// hooks written as literals are capped by d's bound (hookCaps).
func (m *libMatcher) fxHookBounds(d *libDrain, ctor *ast.CallExpr) {
	hooks, ok := m.fxHooks(ctor.Args)
	m.c.index()
	if m.c.hookCaps == nil {
		m.c.hookCaps = map[*scope]time.Duration{}
	}
	for _, h := range hooks {
		if lit, isLit := ast.Unparen(h).(*ast.FuncLit); isLit {
			if s := m.c.scopeOfBody(lit.Body); s != nil && d.d > m.c.hookCaps[s] {
				m.c.hookCaps[s] = d.d
			}
		}
	}
	if !ok || len(hooks) == 0 {
		return
	}
	var total time.Duration
	var parts []string
	for _, h := range hooks {
		s := m.hookScope(h)
		if s == nil {
			return
		}
		b, ok := m.c.hookBound(s)
		if !ok {
			return // the hook's own bound is unknown: fx's is the bound
		}
		total += b
		parts = append(parts, durations.Format(b))
		if b >= m.c.timeout.D {
			d.hookReported = true // at the hook's own Shutdown
		}
	}
	d.hooks, d.hooksKnown, d.hookParts = total, true, parts
}

// hookScope returns the scope of an OnStop hook's function: a literal,
// or a function or method of the package.
func (m *libMatcher) hookScope(h ast.Expr) *scope {
	switch h := ast.Unparen(h).(type) {
	case *ast.FuncLit:
		return m.c.scopeOfBody(h.Body)
	case *ast.Ident, *ast.SelectorExpr:
		fn := objectof.Func(m.info, h)
		if fn == nil || fn.Pkg() != m.c.pass.Pkg {
			return nil
		}
		for _, s := range m.c.scopes {
			if !s.isLit && m.info.Defs[s.decl.Name] == fn {
				return s
			}
		}
	}
	return nil
}

// fxHooks lists the OnStop functions that the functions given to fx's
// options (fx.Invoke, fx.Provide, fx.Decorate..., inside fx.Options and
// fx.Module too) register on their fx.Lifecycle. ok is false when one
// may register hooks sigtermlint cannot list: a function of another
// package, or of unknown origin, that takes a Lifecycle; a Lifecycle
// used otherwise than lc.Append(hook); a hook that is no fx.Hook literal,
// fx.StopHook or fx.StartStopHook call.
func (m *libMatcher) fxHooks(args []ast.Expr) (hooks []ast.Expr, ok bool) {
	for _, a := range args {
		if call, isCall := ast.Unparen(a).(*ast.CallExpr); isCall {
			if fn := typeutil.StaticCallee(m.info, call); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == fxPkg {
				if call.Ellipsis.IsValid() {
					return nil, false
				}
				inner, ok := m.fxHooks(call.Args)
				if !ok {
					return nil, false
				}
				hooks = append(hooks, inner...)
				continue
			}
		}
		if t := m.info.TypeOf(a); t == nil {
			return nil, false
		} else if _, isFunc := t.Underlying().(*types.Signature); !isFunc {
			continue // a value: a name, a duration, one of fx's own options
		}
		h, ok := m.registered(a)
		if !ok {
			return nil, false
		}
		hooks = append(hooks, h...)
	}
	return hooks, true
}

// registered lists the OnStop hooks a function given to fx registers.
func (m *libMatcher) registered(f ast.Expr) (hooks []ast.Expr, ok bool) {
	sig, _ := m.info.TypeOf(f).Underlying().(*types.Signature)
	var body *ast.BlockStmt
	var params *ast.FieldList
	switch f := ast.Unparen(f).(type) {
	case *ast.FuncLit:
		body, params = f.Body, f.Type.Params
	case *ast.Ident, *ast.SelectorExpr:
		if fn := objectof.Func(m.info, f); fn != nil && fn.Pkg() == m.c.pass.Pkg {
			if fd := m.c.declOf(fn); fd != nil && fd.Body != nil {
				body, params = fd.Body, fd.Type.Params
			}
		}
	}
	if body == nil {
		// Another package's function, or a value: fine unless it can
		// register hooks.
		return nil, sig == nil || !mentionsLifecycle(sig.Params())
	}
	lcs := map[*types.Var]bool{}
	for _, field := range params.List {
		t := m.info.TypeOf(field.Type)
		switch {
		case isNamed(t, fxPkg, "Lifecycle"):
			for _, name := range field.Names {
				if v, isVar := m.info.Defs[name].(*types.Var); isVar {
					lcs[v] = true
				}
			}
		case mentionsLifecycle(types.NewTuple(types.NewParam(0, nil, "", t))):
			return nil, false // an fx.In struct with a Lifecycle in it
		}
	}
	if len(lcs) == 0 {
		return nil, true
	}
	ok = true
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		id, isIdent := n.(*ast.Ident)
		if !isIdent || !lcs[objectof.Var(m.info, id)] {
			return ok
		}
		h, isAppend := m.appended(stack)
		if !isAppend {
			ok = false
		}
		if h != nil {
			hooks = append(hooks, h)
		}
		return ok
	})
	return hooks, ok
}

// appended reads lc.Append(hook) around the use of lc that ends stack:
// the hook's OnStop function, or nil when it has none.
func (m *libMatcher) appended(stack []ast.Node) (ast.Expr, bool) {
	if len(stack) < 3 {
		return nil, false
	}
	sel, ok := stack[len(stack)-2].(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Append" {
		return nil, false
	}
	call, ok := stack[len(stack)-3].(*ast.CallExpr)
	if !ok || call.Fun != sel || len(call.Args) != 1 {
		return nil, false
	}
	switch h := ast.Unparen(call.Args[0]).(type) {
	case *ast.CompositeLit:
		if !isNamed(m.info.TypeOf(h), fxPkg, "Hook") {
			return nil, false
		}
		for _, elt := range h.Elts {
			kv, isKV := elt.(*ast.KeyValueExpr)
			if !isKV {
				return nil, false
			}
			if key, isIdent := kv.Key.(*ast.Ident); isIdent && key.Name == "OnStop" {
				return kv.Value, true
			}
		}
		return nil, true
	case *ast.CallExpr:
		fn := typeutil.StaticCallee(m.info, h)
		switch {
		case fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != fxPkg:
		case fn.Name() == "StartHook":
			return nil, true
		case fn.Name() == "StopHook" && len(h.Args) == 1:
			return h.Args[0], true
		case fn.Name() == "StartStopHook" && len(h.Args) == 2:
			return h.Args[1], true
		}
	}
	return nil, false
}

// mentionsLifecycle reports whether a parameter list holds an
// fx.Lifecycle, directly or as a field of a struct (fx.In).
func mentionsLifecycle(params *types.Tuple) bool {
	for i := 0; i < params.Len(); i++ {
		t := params.At(i).Type()
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		if isNamed(t, fxPkg, "Lifecycle") {
			return true
		}
		if st, ok := t.Underlying().(*types.Struct); ok {
			for j := 0; j < st.NumFields(); j++ {
				if isNamed(st.Field(j).Type(), fxPkg, "Lifecycle") {
					return true
				}
			}
		}
	}
	return false
}

// controller-runtime: mgr.Start(ctx) on a manager made by manager.New or
// ctrl.NewManager, bounded by Options.GracefulShutdownTimeout.
func (m *libMatcher) controllerRuntime(call *ast.CallExpr) (libDrain, bool) {
	lib := &libbounds.ControllerRuntime
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return unknownDrain(lib, call), true
	}
	ctor, ok := m.vals.origin(sel.X)
	if !ok || len(ctor.Args) != 2 {
		return unknownDrain(lib, call), true
	}
	switch obj := typeutil.Callee(m.info, ctor).(type) {
	case *types.Func: // manager.New
		if !isFunc(managerPkg, "New")(obj) {
			return unknownDrain(lib, call), true
		}
	case *types.Var: // ctrl.NewManager, a variable holding manager.New
		if obj.Pkg() == nil || obj.Pkg().Path() != ctrlPkg || obj.Name() != "NewManager" {
			return unknownDrain(lib, call), true
		}
	default:
		return unknownDrain(lib, call), true
	}
	opts, ok := m.vals.literal(ctor.Args[1])
	if !ok {
		return unknownDrain(lib, call), true
	}
	v, present, ok := field(opts, "GracefulShutdownTimeout")
	switch {
	case !ok:
		return unknownDrain(lib, call), true
	case !present || isNil(m.info, v):
		return defaultDrain(lib, call), true
	}
	// A *time.Duration: ptr.To(d) or pointer.Duration(d); &d leaves d
	// open to change, like any other pointer.
	p, ok := ast.Unparen(v).(*ast.CallExpr)
	if !ok || len(p.Args) != 1 {
		return unknownDrain(lib, call), true
	}
	if fn := typeutil.StaticCallee(m.info, p); fn == nil || !(isFunc(k8sPtrPkg, "To")(fn) || isFunc(k8sPointerPkg, "Duration")(fn)) {
		return unknownDrain(lib, call), true
	}
	d, ok := m.c.durations().Eval(p.Args[0])
	switch {
	case !ok:
		return unknownDrain(lib, call), true
	case d < 0:
		return unboundedDrain(lib, call, lib.Option+" is negative", "runnable"), true
	}
	return configuredDrain(lib, call, lib.Option, d), true
}

// hertz: server.New(opts...).Spin() or server.Default(opts...).Spin(),
// bounded by the last server.WithExitWaitTime.
func (m *libMatcher) hertz(call *ast.CallExpr) (libDrain, bool) {
	lib := &libbounds.Hertz
	ctor, ok := m.constructor(call, hertzServerPkg, "New", "Default")
	if !ok {
		return unknownDrain(lib, call), true
	}
	opt, known := m.lastOption(ctor.Args, ctor.Ellipsis.IsValid(), lib.Module, isFunc(hertzServerPkg, "WithExitWaitTime"), nil)
	return m.optionDrain(lib, call, opt, known), true
}

// echo v5: StartConfig.Start(ctx, h) and StartTLS, bounded by
// GracefulTimeout, whose zero means echo's default. A negative one
// turns the graceful shutdown off: no drain to bound.
func (m *libMatcher) echoConfig(call *ast.CallExpr) (libDrain, bool) {
	lib := &libbounds.EchoV5
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return unknownDrain(lib, call), true
	}
	cfg, ok := m.vals.literal(sel.X)
	if !ok {
		return unknownDrain(lib, call), true
	}
	v, present, ok := field(cfg, "GracefulTimeout")
	switch {
	case !ok:
		return unknownDrain(lib, call), true
	case !present:
		return defaultDrain(lib, call), true
	}
	d, ok := m.c.durations().Eval(v)
	switch {
	case !ok:
		return unknownDrain(lib, call), true
	case d < 0:
		return libDrain{}, false
	case d == 0:
		return defaultDrain(lib, call), true
	}
	return configuredDrain(lib, call, lib.Option, d), true
}

// fiber v3: app.Listen(addr, ListenConfig{GracefulContext: ctx, ...})
// and Listener, bounded by ShutdownTimeout, whose zero waits without a
// deadline. Without a GracefulContext fiber does not shut down at all.
func (m *libMatcher) fiber(call *ast.CallExpr) (libDrain, bool) {
	lib := &libbounds.FiberV3
	if call.Ellipsis.IsValid() {
		return unknownDrain(lib, call), true
	}
	if len(call.Args) < 2 {
		return libDrain{}, false
	}
	cfg, ok := m.vals.literal(call.Args[1])
	if !ok {
		return unknownDrain(lib, call), true
	}
	gc, present, ok := field(cfg, "GracefulContext")
	switch {
	case !ok:
		return unknownDrain(lib, call), true
	case !present || isNil(m.info, gc):
		return libDrain{}, false
	}
	v, present, _ := field(cfg, "ShutdownTimeout")
	if !present {
		return unboundedDrain(lib, call, lib.Option+" is 0", "connection"), true
	}
	d, ok := m.c.durations().Eval(v)
	switch {
	case !ok:
		return unknownDrain(lib, call), true
	case d == 0:
		return unboundedDrain(lib, call, lib.Option+" is 0", "connection"), true
	case d < 0:
		d = 0 // a deadline already past
	}
	return configuredDrain(lib, call, lib.Option, d), true
}

// endless: the package variable DefaultHammerTime, when the package sets
// it; a negative value never hammers.
func (m *libMatcher) endless(call *ast.CallExpr) libDrain {
	lib := &libbounds.Endless
	if m.setElsewhere(lib) {
		return unknownDrain(lib, call)
	}
	ref := m.hammerTime()
	if ref == nil {
		return defaultDrain(lib, call)
	}
	d, ok := m.c.durations().Eval(ref)
	switch {
	case !ok:
		return unknownDrain(lib, call)
	case d < 0:
		return unboundedDrain(lib, call, lib.Option+" is negative", "connection")
	}
	return configuredDrain(lib, call, lib.Option, d)
}

// setElsewhere reports whether the bound a library keeps for the whole
// process (lib.Globals) may be set where this package cannot see it: by
// a package it imports, or, outside package main, by main or any other
// package of the program.
func (m *libMatcher) setElsewhere(lib *libbounds.Bound) bool {
	if m.c.pass.Pkg.Name() != "main" {
		return true
	}
	for _, g := range lib.Globals {
		if m.c.reach.SetElsewhere(g) {
			return true
		}
	}
	return false
}

// hammerTime returns an expression denoting endless.DefaultHammerTime
// where the package sets it, or nil.
func (m *libMatcher) hammerTime() ast.Expr {
	for v, e := range m.vals.Written() {
		if v.Pkg() != nil && v.Pkg().Path() == endlessPkg && v.Name() == "DefaultHammerTime" {
			return e
		}
	}
	return nil
}

// go-zero: core/proc kills the process after the wait time that the
// server's configuration (ServiceConf.Shutdown.WaitTime, applied when
// the server is made) or proc.SetTimeToForceQuit last set.
func (m *libMatcher) goZero(fd *ast.FuncDecl, call *ast.CallExpr) libDrain {
	lib := &libbounds.GoZero
	if m.procSetup || len(m.forceQuits) > 1 || m.setElsewhere(lib) {
		return unknownDrain(lib, call)
	}
	ctor, hasCtor := m.constructor(call, "")
	if hasCtor {
		fn := typeutil.StaticCallee(m.info, ctor)
		hasCtor = fn != nil && len(ctor.Args) > 0 && (isFunc(restPkg, "MustNewServer", "NewServer")(fn) || isFunc(zrpcPkg, "MustNewServer", "NewServer")(fn))
	}
	conf, confSet, confKnown := lib.Default, false, false
	if hasCtor {
		conf, confSet, confKnown = m.goZeroConf(ctor.Args[0])
	}
	if len(m.forceQuits) == 1 {
		set := m.forceQuits[0]
		d, ok := m.c.durations().Eval(set.Args[0])
		decl := m.forceQuitDecl[set]
		inInit := decl.Name.Name == "init" && decl.Recv == nil
		if !ok || !hasCtor || (!inInit && (decl != fd || set.Pos() > call.Pos())) {
			return unknownDrain(lib, call)
		}
		// Set after the server is made, it wins; before (or in init),
		// the configuration's WaitTime overrides it when it sets one.
		if (!inInit && set.Pos() > ctor.Pos()) || (confKnown && !confSet) {
			return configuredDrain(lib, call, "proc.SetTimeToForceQuit", d)
		}
	}
	switch {
	case !confKnown:
		return unknownDrain(lib, call)
	case confSet:
		return configuredDrain(lib, call, "ShutdownConf.WaitTime", conf)
	}
	return defaultDrain(lib, call)
}

// goZeroConf reads Shutdown.WaitTime from a rest.RestConf or
// zrpc.RpcServerConf literal; proc.Setup ignores a WaitTime of 0 or less.
func (m *libMatcher) goZeroConf(e ast.Expr) (d time.Duration, set, known bool) {
	lit, ok := m.vals.literal(e)
	for _, name := range []string{"ServiceConf", "Shutdown", "WaitTime"} {
		if !ok {
			return 0, false, false
		}
		v, present, keyed := field(lit, name)
		switch {
		case !keyed:
			return 0, false, false
		case !present:
			return 0, false, true
		case name == "WaitTime":
			d, ok := m.c.durations().Eval(v)
			if !ok {
				return 0, false, false
			}
			return d, d > 0, true
		}
		lit, ok = m.vals.literal(v)
	}
	return 0, false, false
}

// kratos: kratos.New(opts...).Run(), bounded by the last
// kratos.StopTimeout.
func (m *libMatcher) kratos(call *ast.CallExpr) (libDrain, bool) {
	lib := &libbounds.Kratos
	ctor, ok := m.constructor(call, kratosPkg, "New")
	if !ok {
		return unknownDrain(lib, call), true
	}
	opt, known := m.lastOption(ctor.Args, ctor.Ellipsis.IsValid(), lib.Module, isFunc(kratosPkg, "StopTimeout"), nil)
	d := m.optionDrain(lib, call, opt, known)
	if d.known && !d.unbounded && d.option != "" && d.d <= 0 {
		// From v2.9 Run sets a deadline only for a positive StopTimeout
		// (the code says so when its default is none).
		if def, ok := m.c.reach.LibraryDefault(lib.Library); ok && def.Unbounded {
			return unboundedDrain(lib, call, lib.Option+" is not positive", "connection"), true
		}
	}
	return d, true
}

// constructor returns the call that made the receiver of a method call:
// a call of pkg's function named one of names, or any call when pkg is
// "".
func (m *libMatcher) constructor(call *ast.CallExpr, pkg string, names ...string) (*ast.CallExpr, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	ctor, ok := m.vals.origin(sel.X)
	if !ok {
		return nil, false
	}
	if pkg == "" {
		return ctor, true
	}
	fn := typeutil.StaticCallee(m.info, ctor)
	return ctor, fn != nil && isFunc(pkg, names...)(fn)
}

// lastOption returns the last call of an option function among a
// library's functional options, as the library applies them in order,
// looking into the option groups (fx.Options). known is false when an
// option may hide one: a spread slice, a variable, a call of the
// program's own function.
func (m *libMatcher) lastOption(args []ast.Expr, spread bool, module string, isOption, isGroup func(*types.Func) bool) (opt *ast.CallExpr, known bool) {
	if spread {
		return nil, false
	}
	inLibrary := func(p *types.Package) bool {
		return p != nil && (p.Path() == module || strings.HasPrefix(p.Path(), module+"/"))
	}
	for _, a := range args {
		call, ok := ast.Unparen(a).(*ast.CallExpr)
		if !ok {
			// The library's own option variables (fx.NopLogger) set
			// no bound; the program's may.
			if v := objectof.Var(m.info, a); v == nil || !inLibrary(v.Pkg()) {
				return nil, false
			}
			continue
		}
		fn := typeutil.StaticCallee(m.info, call)
		switch {
		case fn == nil:
			return nil, false
		case isOption(fn):
			opt = call
		case isGroup != nil && isGroup(fn):
			inner, ok := m.lastOption(call.Args, call.Ellipsis.IsValid(), module, isOption, isGroup)
			if !ok {
				return nil, false
			}
			if inner != nil {
				opt = inner
			}
		case !inLibrary(fn.Pkg()):
			return nil, false
		}
	}
	return opt, true
}

// optionDrain is the drain an option function's call bounds, or the
// library's default when there is none.
func (m *libMatcher) optionDrain(lib *libbounds.Bound, call, opt *ast.CallExpr, known bool) libDrain {
	switch {
	case !known:
		return unknownDrain(lib, call)
	case opt == nil:
		return defaultDrain(lib, call)
	case len(opt.Args) != 1:
		return unknownDrain(lib, call)
	}
	d, ok := m.c.durations().Eval(opt.Args[0])
	if !ok {
		return unknownDrain(lib, call)
	}
	return configuredDrain(lib, call, lib.Option, d)
}

// recvName returns the name of a method's receiver type, "" for a
// function.
func recvName(fn *types.Func) string {
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return ""
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// isFunc returns a test for a package-level function of pkg with one of
// the names.
func isFunc(pkg string, names ...string) func(*types.Func) bool {
	return func(fn *types.Func) bool {
		if fn.Pkg() == nil || fn.Pkg().Path() != pkg || fn.Type().(*types.Signature).Recv() != nil {
			return false
		}
		for _, n := range names {
			if fn.Name() == n {
				return true
			}
		}
		return false
	}
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[ast.Unparen(e)]
	return ok && tv.IsNil()
}
