package reach

import (
	_ "embed"
	"go/ast"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/analysisdoc"
	"github.com/sigtermlint/sigtermlint/internal/assign"
	"github.com/sigtermlint/sigtermlint/internal/directive"
	"github.com/sigtermlint/sigtermlint/internal/longlived"
)

//go:embed doc.go
var doc string

// Analyzer computes, for every function, whether it reaches a serve call,
// signal handling and a graceful stop, exports that as facts, and for a
// package main returns the whole program's view as a *Result.
var Analyzer = &analysis.Analyzer{
	Name:       "sigtermreach",
	Doc:        analysisdoc.Extract(doc, "sigtermreach"),
	URL:        "https://github.com/sigtermlint/sigtermlint/blob/main/docs/how-it-decides.md#how-it-decides",
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(FuncFact), new(InitFact), new(LibraryFact), new(longlived.Fact)},
}

func run(pass *analysis.Pass) (any, error) {
	if stdPackages[pass.Pkg.Path()] {
		// The standard library is recognized by name at call sites
		// (known.go), never through facts: nogo does not analyze it.
		return &Result{}, nil
	}
	exportLibraryFacts(pass)
	exits := exitingFuncs(pass)
	if !mayReach(pass) {
		for fn := range exits {
			pass.ExportObjectFact(fn, &FuncFact{Exits: true})
		}
		return &Result{libDefaults: libraryDefaults(pass), libSettings: librarySettings(pass)}, nil
	}
	nodes, byFunc, byVar, inits := collectNodes(pass)
	assigns := assign.New(pass.TypesInfo, pass.Files)
	long := longlived.NewClassifier(pass, assigns)
	long.Export()
	for fn, n := range byFunc {
		n.exits = exits[fn]
	}
	walkNodes(pass, nodes, byFunc, byVar, assigns)
	decls, problems := addDeclarations(pass, byFunc, inits)
	evals := map[*node]*signalEval{}
	evalFor := func(n *node) *signalEval {
		if e := evals[n]; e != nil {
			return e
		}
		e := &signalEval{info: pass.TypesInfo, assigns: assigns, params: n.params}
		evals[n] = e
		return e
	}
	propagate(nodes, evalFor)
	if len(decls) > 0 {
		// What the code shows without the declarations first, to check
		// them against; then again with those that hold.
		problems = append(problems, contradicted(decls)...)
		for _, dc := range decls {
			if dc.holds {
				dc.node.items = append(dc.node.items, dc.it)
				if dc.d.Name == directive.StopsWithin && dc.d.Func != nil {
					dc.node.stopsWithin = dc.d.D
				}
			}
		}
		reset(nodes)
		propagate(nodes, evalFor)
	}
	exportFacts(pass, nodes, inits)
	res := &Result{Program: buildProgram(pass, byFunc, inits, evalFor), Problems: problems, libDefaults: libraryDefaults(pass), libSettings: librarySettings(pass), LongLived: long}
	for _, dc := range decls {
		if dc.holds {
			res.Declared = append(res.Declared, dc.d)
		}
	}
	// The driver keeps every package's result until the run ends: keep
	// only the summaries that say something, not the call graph, so that
	// memory stays near the floor of loading and type-checking.
	local := map[*types.Func]*FuncFact{}
	for fn, n := range byFunc {
		if n.says() {
			local[fn] = n.fact()
		}
	}
	for _, n := range nodes {
		res.active = res.active || n.reaches()
	}
	res.lookup = func(fn *types.Func) *FuncFact {
		fn = fn.Origin()
		if f, ok := local[fn]; ok {
			return f
		}
		return importedFact(pass, fn)
	}
	return res, nil
}

// collectNodes makes a node for every function declaration, one for
// the values of each package-level variable declaration, and one for the
// calls those values make at initialization. inits are the nodes that run
// at package initialization: init functions and those calls.
func collectNodes(pass *analysis.Pass) (nodes []*node, byFunc map[*types.Func]*node, byVar map[*types.Var]*node, inits []*node) {
	byFunc = map[*types.Func]*node{}
	byVar = map[*types.Var]*node{}
	initCalls := &node{}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				fn, ok := pass.TypesInfo.Defs[d.Name].(*types.Func)
				if !ok {
					continue
				}
				n := &node{fn: fn, decl: d, params: paramIndex(pass.TypesInfo, d)}
				nodes = append(nodes, n)
				if d.Recv == nil && d.Name.Name == "init" {
					inits = append(inits, n)
				} else {
					byFunc[fn] = n
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					vs, ok := spec.(*ast.ValueSpec)
					if !ok || len(vs.Values) == 0 {
						continue
					}
					n := &node{spec: vs, initCalls: initCalls}
					nodes = append(nodes, n)
					for _, id := range vs.Names {
						if v, ok := pass.TypesInfo.Defs[id].(*types.Var); ok && id.Name != "_" {
							byVar[v] = n
						}
					}
				}
			}
		}
	}
	nodes = append(nodes, initCalls)
	inits = append(inits, initCalls)
	return nodes, byFunc, byVar, inits
}

// paramIndex numbers a declared function's parameters from 1.
func paramIndex(info *types.Info, fd *ast.FuncDecl) map[*types.Var]int {
	m := map[*types.Var]int{}
	i := 0
	for _, field := range fd.Type.Params.List {
		if len(field.Names) == 0 {
			i++
			continue
		}
		for _, name := range field.Names {
			i++
			if v, ok := info.Defs[name].(*types.Var); ok {
				m[v] = i
			}
		}
	}
	return m
}

// walkNodes collects the items of every node.
func walkNodes(pass *analysis.Pass, nodes []*node, byFunc map[*types.Func]*node, byVar map[*types.Var]*node, assigns *assign.Index) {
	w := &walker{pass: pass, nodes: byFunc, vars: byVar, assigns: assigns, stored: storedFuncValues(pass, assigns)}
	for _, n := range nodes {
		w.n = n
		w.eval = signalEval{info: pass.TypesInfo, assigns: assigns, params: n.params}
		if n.decl != nil {
			if n.decl.Body != nil {
				w.results = []*types.Tuple{n.fn.Type().(*types.Signature).Results()}
				w.walk(n.decl.Body)
			}
			continue
		}
		w.results = nil
		if n.spec != nil {
			w.walk(n.spec)
		}
	}
	forwardStopContexts(w, nodes)
}

// forwardStopContexts finds the functions that hand their context (or
// their timeout) to another function of the package that hands it to a
// graceful stop (fiber's ShutdownWithTimeout calls ShutdownWithContext),
// and those that pass one a context without a deadline (fiber's
// Shutdown calls ShutdownWithContext(context.Background())), until
// nothing changes.
func forwardStopContexts(w *walker, nodes []*node) {
	for changed := true; changed; {
		changed = false
		for _, n := range nodes {
			before := [2]int{n.stopCtxParam, n.stopTimeoutParam}
			noDeadline := n.stopNoDeadline
			w.n = n
			for _, it := range n.items {
				if c := it.callee; c != nil && it.call != nil && c.stopCtxParam > 0 && c.stopCtxParam <= len(it.call.Args) {
					w.stopCtx(it.call.Args[c.stopCtxParam-1])
				}
			}
			n.stopNoDeadline = n.stopNoDeadline || w.stopsWithoutDeadline(n)
			if before != [2]int{n.stopCtxParam, n.stopTimeoutParam} || noDeadline != n.stopNoDeadline {
				changed = true
			}
		}
	}
}

// storedFuncValues are the function values assigned to this package's
// function-typed fields and variables that resolve to one function: they
// are counted where the field is called, with its arguments.
func storedFuncValues(pass *analysis.Pass, a *assign.Index) map[ast.Expr]bool {
	stored := map[ast.Expr]bool{}
	for v := range a.Vars() {
		if v.Pkg() != pass.Pkg || a.Callee(v) == nil {
			continue
		}
		vals, _ := a.Known(v)
		for _, val := range vals {
			stored[ast.Unparen(val.Expr)] = true
		}
	}
	return stored
}

// says reports whether the node's summary says anything: it reaches
// something, takes a signal list, a stop context or a stop timeout, or
// ends the process.
func (n *node) says() bool { return n.reaches() || n.exits }

// reaches reports whether the node reaches something or takes a signal
// list, a stop context or a stop timeout: a package with such a node is
// one the shutdown analyzer looks at.
func (n *node) reaches() bool {
	return n.bits != 0 || n.sigParam != 0 || n.stopCtxParam != 0 || n.stopTimeoutParam != 0 || n.stopNoDeadline || n.stopsWithin != 0
}

func (n *node) fact() *FuncFact {
	return &FuncFact{Bits: n.bits, SignalParam: n.sigParam, Via: n.via, StopCtxParam: n.stopCtxParam, StopTimeoutParam: n.stopTimeoutParam, StopNoDeadline: n.stopNoDeadline, StopsWithin: n.stopsWithin, Exits: n.exits}
}

// exportFacts exports a fact for each function that reaches something,
// and one for the package when its initialization does.
func exportFacts(pass *analysis.Pass, nodes []*node, inits []*node) {
	var init InitFact
	for _, n := range inits {
		init.Bits |= n.bits
		if n.via != "" && (init.Via == "" || hops(n.via) < hops(init.Via)) {
			init.Via = n.via
		}
	}
	if init.Bits != 0 {
		pass.ExportPackageFact(&init)
	}
	for _, n := range nodes {
		if !n.says() {
			continue
		}
		switch {
		case n.fn != nil && n.fn.Name() != "init":
			pass.ExportObjectFact(n.fn, n.fact())
		case n.spec != nil:
			// What the variable's value reaches, for the packages
			// that use the variable (a cobra command, a handler table).
			for _, id := range n.spec.Names {
				if v, ok := pass.TypesInfo.Defs[id].(*types.Var); ok && id.Name != "_" && v.Exported() {
					pass.ExportObjectFact(v, n.fact())
				}
			}
		}
	}
}
