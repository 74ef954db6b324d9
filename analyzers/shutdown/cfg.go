package shutdown

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/cfg"
)

// A point is a place in a function's control-flow graph: before node
// index of block (index -1: on entry to the block, as for the body of a
// select case whose receive has happened).
type point struct {
	block *cfg.Block
	index int
}

// flow is the control-flow graph of one function body, built only for
// functions that call a graceful stop or exit.
type flow struct {
	g *cfg.CFG
}

func newFlow(body *ast.BlockStmt, isExit func(*ast.CallExpr) bool) *flow {
	return &flow{g: cfg.New(body, func(call *ast.CallExpr) bool { return !isExit(call) })}
}

// locate returns the point of the CFG node that holds pos.
func (f *flow) locate(pos token.Pos) (point, bool) {
	for _, b := range f.g.Blocks {
		for i, n := range b.Nodes {
			if n.Pos() <= pos && pos < n.End() {
				return point{b, i}, true
			}
		}
	}
	return point{}, false
}

// caseBody returns the block of a select case's body.
func (f *flow) caseBody(cc *ast.CommClause) (*cfg.Block, bool) {
	for _, b := range f.g.Blocks {
		if b.Kind == cfg.KindSelectCaseBody && b.Stmt == cc {
			return b, true
		}
	}
	return nil, false
}

// dominates reports whether every path from the function's entry to b
// passes through a first.
func (f *flow) dominates(a, b point) bool {
	if a.block == b.block {
		return a.index < b.index
	}
	if a.block == f.g.Blocks[0] {
		return true
	}
	seen := make([]bool, len(f.g.Blocks))
	seen[a.block.Index] = true
	stack := []*cfg.Block{f.g.Blocks[0]}
	seen[0] = true
	for len(stack) > 0 {
		blk := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if blk == b.block {
			return false
		}
		for _, s := range blk.Succs {
			if !seen[s.Index] {
				seen[s.Index] = true
				stack = append(stack, s)
			}
		}
	}
	return true
}

// reaches reports whether b can run after a: some path leads from a to b.
func (f *flow) reaches(a, b point) bool {
	if a.block == b.block && a.index < b.index {
		return true
	}
	seen := make([]bool, len(f.g.Blocks))
	stack := append([]*cfg.Block(nil), a.block.Succs...)
	for len(stack) > 0 {
		blk := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if blk == b.block {
			return true
		}
		if seen[blk.Index] {
			continue
		}
		seen[blk.Index] = true
		stack = append(stack, blk.Succs...)
	}
	return false
}
