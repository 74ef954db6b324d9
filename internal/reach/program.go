package reach

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Result is the analyzer's result: the whole-program view of a package
// main, or a nil Program for any other package.
type Result struct {
	Program *Program
	lookup  func(*types.Func) *FuncFact
}

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
	p := &Program{}

	// What the program reaches.
	cut := servingCutoff(mainNode)
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
	for _, f := range pass.AllPackageFacts() {
		if init, ok := f.Fact.(*InitFact); ok {
			p.Bits |= init.Bits
		}
	}

	// Where it serves and handles signals, in package main.
	roots := append([]*node{mainNode}, inits...)
	for _, n := range reachable(roots) {
		for _, it := range n.items {
			// Calls of package main's own functions are not sites: the
			// sites are inside the callee, which is reached too.
			if it.callee == nil && it.bits&Serve != 0 {
				p.Serves = append(p.Serves, ServeSite{Pos: it.pos, End: it.end, Via: it.via, NoHandle: it.bits&ServeNoHandle != 0})
			}
			if it.notify || it.intElem != nil {
				b, _, _ := it.contribution(n, eval)
				p.Notifies = append(p.Notifies, NotifySite{Pos: it.pos, End: it.end, Bits: b, IntElem: it.intElem})
			}
		}
	}
	sort.Slice(p.Serves, func(i, j int) bool { return p.Serves[i].Pos < p.Serves[j].Pos })
	sort.Slice(p.Notifies, func(i, j int) bool { return p.Notifies[i].Pos < p.Notifies[j].Pos })
	return p
}

// servingCutoff returns the end of the first blocking serve call made by
// main itself (srv.Serve(lis) in main's own flow, outside any loop):
// what main does after it runs only once the server has stopped.
func servingCutoff(mainNode *node) token.Pos {
	for _, it := range mainNode.items {
		if !it.directServe || it.async {
			continue
		}
		for _, stmt := range mainNode.decl.Body.List {
			if stmt.Pos() <= it.pos && it.end <= stmt.End() {
				switch stmt.(type) {
				case *ast.ExprStmt, *ast.AssignStmt, *ast.IfStmt, *ast.ReturnStmt, *ast.DeclStmt:
					return it.end
				}
			}
		}
	}
	return token.NoPos
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
