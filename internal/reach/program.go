package reach

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/directive"
	"github.com/sigtermlint/sigtermlint/internal/libbounds"
	"github.com/sigtermlint/sigtermlint/internal/longlived"
)

// Result is the analyzer's result: the whole-program view of a package
// main, or a nil Program for any other package.
type Result struct {
	Program *Program
	// Declared are the package's //sigtermlint:serves, handles and
	// stops-within declarations that were applied (well-formed, and not
	// contradicted by what the analysis proves).
	Declared []directive.Directive
	// Problems are the //sigtermlint: directives of the package that are
	// unknown, malformed, misplaced or contradicted: the analyzer that
	// owns bad-directive reports them.
	Problems []directive.Problem
	// LongLived summarizes what the package's functions and literals do
	// that outlives an ordinary request (nil for a package that cannot
	// serve).
	LongLived   *longlived.Classifier
	lookup      func(*types.Func) *FuncFact
	libDefaults func(lib string) (libbounds.CodeDefault, bool)
	libSettings func(global string) bool
	active      bool
}

// SetElsewhere reports whether a package this one imports (directly or
// not) uses global, a libbounds.Bound.Globals entry: it may change the
// library's bound for the whole process.
func (r *Result) SetElsewhere(global string) bool {
	return r.libSettings != nil && r.libSettings(global)
}

// LibraryDefault returns the default drain bound that library lib
// (libbounds.Bound.Library) sets in its code, in the version this
// package builds with, when its code says.
func (r *Result) LibraryDefault(lib string) (libbounds.CodeDefault, bool) {
	if r.libDefaults == nil {
		return libbounds.CodeDefault{}, false
	}
	return r.libDefaults(lib)
}

// Active reports whether some function, variable or initializer of the
// package reaches anything (a serve call, signal handling, a graceful
// stop) or passes on a signal list, stop context or stop timeout. When
// it does not, the package holds no serve or stop call: analyzers that
// look only at those can skip it. Always false for the standard library.
func (r *Result) Active() bool { return r.active }

// Fact returns what fn reaches: its summary when it is a function of the
// package, its fact when it is another package's, or nil when it reaches
// nothing (standard library functions are never summarized; see Classify).
func (r *Result) Fact(fn *types.Func) *FuncFact {
	if r.lookup == nil {
		return nil
	}
	return r.lookup(fn)
}

// Program is what a main package's program reaches from main, its init
// functions and variable initializers, and the initialization of every
// package it imports.
type Program struct {
	// Main is the declaration of func main.
	Main *ast.FuncDecl
	// Bits is what the program reaches. Signal handling installed by main
	// only after a blocking serve call in main itself does not count: it
	// is not there while the server runs.
	Bits Bits
	// Serves are the calls in package main that start a server, directly
	// or through a function of another package, in source order.
	Serves []ServeSite
	// Notifies are the reachable signal.Notify / NotifyContext calls of
	// package main, and the calls that hand signals to another package's.
	Notifies []NotifySite
	// Handlers are the reachable calls of package main into another
	// package whose code handles signals itself (fx's App.Run, a
	// function declared with //sigtermlint:handles), for drivers that
	// show where a signal is handled; the rules use Bits.
	Handlers []NotifySite
}

// ServeSite is a call in package main that starts a server.
type ServeSite struct {
	Pos, End token.Pos
	Via      string // the chain of calls to the serve call
	NoHandle bool   // package-level http.ListenAndServe and the like
}

// NotifySite is a call in package main that installs signal handling.
type NotifySite struct {
	Pos, End token.Pos
	Bits     Bits
	// IntElem is the list element that is SIGINT, where SIGTERM can be
	// added, or nil.
	IntElem ast.Expr
	// KillElem is the list element that is SIGKILL (os.Kill,
	// syscall.SIGKILL, unix.SIGKILL), which cannot be caught and handles
	// nothing: the program meant SIGTERM, and a fix can replace it. Nil
	// when there is none. Like IntElem, it is found in literal lists of
	// this package only (facts hold no positions).
	KillElem ast.Expr
	// Late: the call runs only after main's blocking serve call
	// returned, so it is not in Bits, and a fix of its list changes
	// nothing while the server runs.
	Late bool
}

// buildProgram computes the Program of a package main, or nil.
func buildProgram(pass *analysis.Pass, byFunc map[*types.Func]*node, inits []*node, eval func(*node) *signalEval) *Program {
	if pass.Pkg.Name() != "main" || strings.HasSuffix(pass.Pkg.Path(), ".test") {
		return nil
	}
	mainFn, _ := pass.Pkg.Scope().Lookup("main").(*types.Func)
	mainNode := byFunc[mainFn]
	if mainNode == nil || isTestFile(pass, mainNode.decl) {
		return nil
	}
	p := &Program{Main: mainNode.decl}

	// What the program reaches.
	cut := servingCutoff(mainNode, eval)
	for _, it := range mainNode.items {
		if cut.IsValid() && it.pos >= cut {
			continue
		}
		b, _, _ := it.contribution(mainNode, eval)
		p.Bits |= b
	}
	for _, n := range inits {
		p.Bits |= n.bits
	}
	var initServe *ServeSite // serving reached only through an imported package's initialization
	facts := pass.AllPackageFacts()
	sort.Slice(facts, func(i, j int) bool { return facts[i].Package.Path() < facts[j].Package.Path() })
	for _, f := range facts {
		init, ok := f.Fact.(*InitFact)
		if !ok {
			continue
		}
		p.Bits |= init.Bits
		if init.Bits&Serve != 0 && init.Via != "" && initServe == nil {
			via := f.Package.Name() + ".init -> " + init.Via
			name := mainNode.decl.Name
			initServe = &ServeSite{Pos: name.Pos(), End: name.End(), Via: via, NoHandle: noHandle(via)}
		}
	}

	// Where it serves and handles signals, in package main.
	roots := append([]*node{mainNode}, inits...)
	live := liveWhileServing(mainNode, inits, cut)
	for _, n := range reachable(roots) {
		for _, it := range n.items {
			// Calls of package main's own functions are not sites: the
			// sites are inside the callee, which is reached too.
			if it.callee == nil && it.bits&Serve != 0 {
				p.Serves = append(p.Serves, ServeSite{Pos: it.pos, End: it.end, Via: it.via, NoHandle: noHandle(it.via)})
			}
			if it.notify || it.intElem != nil || it.killElem != nil {
				b, _, _ := it.contribution(n, eval)
				late := !live[n] || (n == mainNode && cut.IsValid() && it.pos >= cut)
				p.Notifies = append(p.Notifies, NotifySite{Pos: it.pos, End: it.end, Bits: b, IntElem: it.intElem, KillElem: it.killElem, Late: late})
			} else if it.callee == nil && it.bits&(SigTERM|SigINT|SigQUIT) != 0 {
				p.Handlers = append(p.Handlers, NotifySite{Pos: it.pos, End: it.end, Bits: it.bits})
			}
		}
	}
	if len(p.Serves) == 0 && initServe != nil {
		// A command kept in another package's variable (cobra, urfave/cli)
		// serves through that package's initialization: report at main.
		p.Serves = append(p.Serves, *initServe)
	}
	sort.Slice(p.Serves, func(i, j int) bool { return p.Serves[i].Pos < p.Serves[j].Pos })
	sort.Slice(p.Notifies, func(i, j int) bool { return p.Notifies[i].Pos < p.Notifies[j].Pos })
	sort.Slice(p.Handlers, func(i, j int) bool { return p.Handlers[i].Pos < p.Handlers[j].Pos })
	return p
}

// servingCutoff returns the end of the first call in main's own flow that
// blocks in a serve call (srv.Serve(lis), or a function that does, such as
// gin's Run): what main does after it runs only once the server stopped.
func servingCutoff(mainNode *node, eval func(*node) *signalEval) token.Pos {
	for _, it := range mainNode.items {
		if !it.blocking {
			continue
		}
		if b, _, _ := it.contribution(mainNode, eval); b&ServeSync != 0 {
			return it.end
		}
	}
	return token.NoPos
}

// noHandle reports whether a serve chain ends in a package-level serve
// function (http.ListenAndServe), which leaves no server to shut down.
func noHandle(via string) bool {
	last := via
	if i := strings.LastIndex(via, " -> "); i >= 0 {
		last = via[i+len(" -> "):]
	}
	return last != "" && !strings.HasPrefix(last, "(")
}

// liveWhileServing returns the nodes reached from main's items before its
// serving cutoff (all of them when there is none) and from the inits.
func liveWhileServing(mainNode *node, inits []*node, cut token.Pos) map[*node]bool {
	var roots []*node
	for _, it := range mainNode.items {
		if it.callee != nil && (!cut.IsValid() || it.pos < cut) {
			roots = append(roots, it.callee)
		}
	}
	live := map[*node]bool{mainNode: true}
	for _, n := range reachable(append(roots, inits...)) {
		live[n] = true
	}
	return live
}

// reachable lists the nodes reached from roots through calls and
// mentions, in a stable order.
func reachable(roots []*node) []*node {
	seen := map[*node]bool{}
	var out []*node
	var visit func(n *node)
	visit = func(n *node) {
		if seen[n] {
			return
		}
		seen[n] = true
		out = append(out, n)
		for _, it := range n.items {
			if it.callee != nil {
				visit(it.callee)
			}
		}
	}
	for _, r := range roots {
		visit(r)
	}
	return out
}

func isTestFile(pass *analysis.Pass, decl *ast.FuncDecl) bool {
	return strings.HasSuffix(pass.Fset.Position(decl.Pos()).Filename, "_test.go")
}
