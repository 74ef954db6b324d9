package explain

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/packages"
)

// unreached finds the functions of the program's own packages that no
// code of the program refers to, so that their graceful stops stay off
// its timeline (a test fixture, another command's helper in a shared
// package). It over-approximates what runs: every reference to a
// function counts (a call or a value), from main, the init functions,
// the package variables' initializers and every function they reach;
// methods always count, since a library may call them through an
// interface (an OnStop hook, io.Closer).
type unreached struct {
	decls   map[*types.Func]*ast.FuncDecl
	reached map[*ast.FuncDecl]bool
}

func findUnreached(main *packages.Package, pkgs []*packages.Package) *unreached {
	u := &unreached{decls: map[*types.Func]*ast.FuncDecl{}, reached: map[*ast.FuncDecl]bool{}}
	info := map[ast.Node]*types.Info{} // each declaration's package's
	var queue []ast.Node
	for _, p := range pkgs {
		for _, f := range p.Syntax {
			for _, d := range f.Decls {
				info[d] = p.TypesInfo
				switch d := d.(type) {
				case *ast.FuncDecl:
					if fn, ok := p.TypesInfo.Defs[d.Name].(*types.Func); ok {
						u.decls[fn] = d
					}
					isInit := d.Recv == nil && d.Name.Name == "init"
					isMain := p == main && d.Recv == nil && d.Name.Name == "main"
					if isInit || isMain || d.Recv != nil {
						u.reached[d] = true
						queue = append(queue, d)
					}
				case *ast.GenDecl:
					if d.Tok == token.VAR {
						queue = append(queue, d)
					}
				}
			}
		}
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		ti := info[n]
		ast.Inspect(n, func(m ast.Node) bool {
			id, ok := m.(*ast.Ident)
			if !ok {
				return true
			}
			fn, ok := ti.Uses[id].(*types.Func)
			if !ok {
				return true
			}
			if d := u.decls[fn.Origin()]; d != nil && !u.reached[d] {
				u.reached[d] = true
				queue = append(queue, d)
			}
			return true
		})
	}
	return u
}

// dropped reports whether pos lies in a function nothing refers to.
func (u *unreached) dropped(pos token.Pos) bool {
	for _, d := range u.decls {
		if d.Pos() <= pos && pos < d.End() {
			return !u.reached[d]
		}
	}
	return false
}
