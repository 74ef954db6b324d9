// Package ownflow holds the notion of a function's own flow that the
// reach and shutdown analyzers share: what a function body runs in its
// own goroutine (not in a go statement, a defer or a function literal),
// which of its calls stand in the body itself, run once when control
// gets there (TopLevel, a syntactic test cheap enough for every function
// of every package), and which run on every path through it (Always, on
// a control-flow graph, for the few functions the stop model follows).
package ownflow

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/cfg"
)

// Inspect calls f, as ast.Inspect does, on the nodes of body that run
// in the function's own goroutine, before it returns: function literals,
// go statements and defer statements are skipped (f still sees the go
// or defer statement itself, not what it runs).
func Inspect(body ast.Node, f func(ast.Node) bool) {
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			return f(n)
		}
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.GoStmt, *ast.DeferStmt:
			f(n)
			return false
		}
		return f(n)
	})
}

// TopLevel reports whether pos is in a statement of the body itself, not
// in a branch, a loop, a goroutine or a literal: an expression
// statement, an assignment, a return, a declaration, or an if
// statement's init and condition. When control gets there, the call runs,
// once, before anything after it: a serve call there blocks the
// function.
func TopLevel(body *ast.BlockStmt, pos token.Pos) bool {
	if body == nil {
		return false
	}
	for _, stmt := range body.List {
		if pos < stmt.Pos() || stmt.End() <= pos {
			continue
		}
		switch st := stmt.(type) {
		case *ast.ExprStmt, *ast.AssignStmt, *ast.ReturnStmt, *ast.DeclStmt:
			return !inLiteral(st, pos)
		case *ast.IfStmt:
			for _, part := range []ast.Node{st.Init, st.Cond} {
				if part != nil && part.Pos() <= pos && pos < part.End() {
					return !inLiteral(part, pos)
				}
			}
		}
		return false
	}
	return false
}

// inLiteral reports whether pos is inside a function literal within n.
func inLiteral(n ast.Node, pos token.Pos) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if lit, ok := m.(*ast.FuncLit); ok && lit.Pos() <= pos && pos < lit.End() {
			found = true
		}
		return !found
	})
	return found
}

// Always reports whether the CFG node holding pos runs on every path
// from the function's entry to its end (a return, or a call that never
// returns), and at most once: what follows it in the caller runs only
// after it returned. A function that never ends has no such node.
func Always(g *cfg.CFG, pos token.Pos) bool {
	if g == nil || len(g.Blocks) == 0 {
		return false
	}
	var at *cfg.Block
	for _, b := range g.Blocks {
		for _, n := range b.Nodes {
			if n.Pos() <= pos && pos < n.End() {
				at = b
				break
			}
		}
		if at != nil {
			break
		}
	}
	if at == nil || !at.Live {
		return false
	}
	// Once: the block is on no cycle.
	if reaches(at.Succs, at, nil) {
		return false
	}
	// Every path to a return passes it: without it, no return is
	// reachable from the entry.
	if at == g.Blocks[0] {
		return ends(g, nil)
	}
	return ends(g, nil) && !ends(g, at)
}

// ends reports whether an end of the function can be reached from its
// entry without passing block skip.
func ends(g *cfg.CFG, skip *cfg.Block) bool {
	entry := g.Blocks[0]
	seen := map[*cfg.Block]bool{entry: true}
	stack := []*cfg.Block{entry}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if len(b.Succs) == 0 {
			return true // a return, or a call that never returns
		}
		for _, s := range b.Succs {
			if s != skip && !seen[s] {
				seen[s] = true
				stack = append(stack, s)
			}
		}
	}
	return false
}

// reaches reports whether target is reachable from the blocks from.
func reaches(from []*cfg.Block, target *cfg.Block, seen map[*cfg.Block]bool) bool {
	if seen == nil {
		seen = map[*cfg.Block]bool{}
	}
	for _, b := range from {
		if b == target {
			return true
		}
		if seen[b] {
			continue
		}
		seen[b] = true
		if reaches(b.Succs, target, seen) {
			return true
		}
	}
	return false
}
