package longlived

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sigtermlint/sigtermlint/internal/assign"
	"github.com/sigtermlint/sigtermlint/internal/objectof"
)

// A Classifier summarizes what the functions and literals of one
// package do that is long-lived, through the package's own calls and
// the facts of the packages it imports.
type Classifier struct {
	pass    *analysis.Pass
	assigns *assign.Index
	decls   map[*types.Func]*ast.FuncDecl
	memo    map[ast.Node]*Summary
	busy    map[ast.Node]bool
	// imported memoizes the facts of other packages' functions (nil: none).
	imported map[*types.Func]*Summary

	// params and calls index, on first need, the parameters of the
	// package's functions and the package's calls of them.
	params map[*types.Var]paramSite
	calls  map[*ast.FuncDecl][]*ast.CallExpr
	values map[*ast.FuncDecl]bool // used other than by a call
}

type paramSite struct {
	fd *ast.FuncDecl
	i  int
}

// NewClassifier returns a classifier for the package of pass; assigns
// indexes its assignments.
func NewClassifier(pass *analysis.Pass, assigns *assign.Index) *Classifier {
	c := &Classifier{pass: pass, assigns: assigns, decls: map[*types.Func]*ast.FuncDecl{}, memo: map[ast.Node]*Summary{}, busy: map[ast.Node]bool{}}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					c.decls[fn] = fd
				}
			}
		}
	}
	return c
}

// Export exports a Fact for each function of the package that does
// something long-lived, and returns their summaries.
func (c *Classifier) Export() map[*types.Func]*Summary {
	out := map[*types.Func]*Summary{}
	for fn := range c.decls {
		s := c.Func(fn)
		if len(s.Sites) > 0 {
			out[fn] = s
		}
		if f := s.fact(); len(f.Sites) > 0 {
			c.pass.ExportObjectFact(fn, f)
		}
	}
	return out
}

// Func returns what fn does: from its body when the package declares
// it, else from its fact. Nil when nothing is known of it.
func (c *Classifier) Func(fn *types.Func) *Summary {
	fn = fn.Origin()
	if fd := c.decls[fn]; fd != nil {
		return c.body(fd, fd.Body)
	}
	if fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg {
		return nil
	}
	if s, ok := c.imported[fn]; ok {
		return s
	}
	var s *Summary
	var f Fact
	if c.pass.ImportObjectFact(fn, &f) {
		s = fromFact(&f)
	}
	if c.imported == nil {
		c.imported = map[*types.Func]*Summary{}
	}
	c.imported[fn] = s
	return s
}

// paramOf reports whether v is a parameter of a function of the package,
// and which.
func (c *Classifier) paramOf(v *types.Var) (*ast.FuncDecl, int, bool) {
	if c.params == nil {
		c.params = map[*types.Var]paramSite{}
		for _, fd := range c.decls {
			for i, pv := range params(c.pass.TypesInfo, fd) {
				if pv != nil {
					c.params[pv] = paramSite{fd, i}
				}
			}
		}
	}
	p, ok := c.params[v]
	return p.fd, p.i, ok
}

// callsOf returns the package's calls of a function, and whether they are
// all its calls: not when it is exported from a package other than main,
// or used as a value, or never called here.
func (c *Classifier) callsOf(fd *ast.FuncDecl) ([]*ast.CallExpr, bool) {
	if c.calls == nil {
		c.calls, c.values = map[*ast.FuncDecl][]*ast.CallExpr{}, map[*ast.FuncDecl]bool{}
		byFunc := map[*types.Func]*ast.FuncDecl{}
		for fn, d := range c.decls {
			byFunc[fn] = d
		}
		called := map[*ast.Ident]bool{}
		for _, f := range c.pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
				if fn == nil {
					return true
				}
				if d := byFunc[fn.Origin()]; d != nil {
					c.calls[d] = append(c.calls[d], call)
					switch fun := ast.Unparen(call.Fun).(type) {
					case *ast.Ident:
						called[fun] = true
					case *ast.SelectorExpr:
						called[fun.Sel] = true
					}
				}
				return true
			})
		}
		for id, obj := range c.pass.TypesInfo.Uses {
			if fn, ok := obj.(*types.Func); ok && !called[id] {
				if d := byFunc[fn.Origin()]; d != nil {
					c.values[d] = true
				}
			}
		}
	}
	fn, _ := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	calls := c.calls[fd]
	all := len(calls) > 0 && !c.values[fd] && fn != nil && !(fn.Exported() && c.pass.Pkg.Name() != "main")
	return calls, all
}

// Lit returns what a function literal does.
func (c *Classifier) Lit(lit *ast.FuncLit) *Summary { return c.body(lit, lit.Body) }

// body summarizes a declaration's or literal's body, once; a recursive
// call sees what is known so far (nothing).
func (c *Classifier) body(owner ast.Node, body *ast.BlockStmt) *Summary {
	if s := c.memo[owner]; s != nil {
		return s
	}
	if c.busy[owner] {
		return &Summary{}
	}
	c.busy[owner] = true
	s := &Summary{}
	var loops []ast.Stmt
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			c.call(s, n)
		case *ast.ForStmt:
			loops = append(loops, n)
		case *ast.RangeStmt:
			loops = append(loops, n)
			if site, ok := c.closeSet(n); ok {
				s.add(site)
			}
		case *ast.BasicLit:
			if n.Kind == token.STRING {
				if v, err := strconv.Unquote(n.Value); err == nil && v == "text/event-stream" {
					s.add(c.site(Stream, "a text/event-stream response", n.Pos()))
				}
			}
		case *ast.CompositeLit:
			if isXNetWebsocket(c.pass.TypesInfo.TypeOf(n)) {
				s.add(c.site(Hijack, "websocket.Server", n.Pos()))
			}
		}
		return true
	})
	// A loop streams only if it flushes, itself or through what it
	// calls: a body that reaches no flush has no streaming loop to read.
	if s.Kinds()&flushes != 0 {
		for _, l := range loops {
			if site, ok := c.loop(l); ok {
				s.add(site)
			}
		}
	}
	delete(c.busy, owner)
	c.memo[owner] = s
	return s
}

// call adds what one call does.
func (c *Classifier) call(s *Summary, call *ast.CallExpr) {
	info := c.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		if isXNetWebsocket(tv.Type) {
			s.add(c.site(Hijack, "websocket.Handler", call.Pos()))
		}
		return
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return
	}
	if isGinStream(fn) {
		if site, ok := c.ginStream(call); ok {
			s.add(site)
		}
		return
	}
	if k, what := known(fn); k != 0 {
		s.add(c.site(k, what, call.Pos()))
		return
	}
	if c.copiesBody(fn, call) {
		s.add(c.site(Body, objectof.FuncName(fn)+" from the request body", call.Pos()))
		return
	}
	if isFlush(fn) {
		s.add(c.site(flushes, objectof.FuncName(fn), call.Pos()))
		return
	}
	if objectof.IsInterfaceMethod(fn) {
		return // dispatch: what runs is not known here
	}
	sum := c.Func(fn)
	if sum == nil {
		return
	}
	local := c.decls[fn.Origin()] != nil
	for _, site := range sum.Sites {
		if !local {
			site.Pos = call.Pos() // the nearest position of this package
		}
		site.Via = joinVia(objectof.FuncName(fn), site.Via)
		s.add(site)
	}
}

// copiesBody matches io.Copy, io.CopyN and io.CopyBuffer whose source is
// a request's Body: an upload streamed to its destination, as slow as
// the client.
func (c *Classifier) copiesBody(fn *types.Func, call *ast.CallExpr) bool {
	if fn.Pkg() == nil || fn.Pkg().Path() != "io" || len(call.Args) < 2 {
		return false
	}
	switch fn.Name() {
	case "Copy", "CopyN", "CopyBuffer":
	default:
		return false
	}
	sel, ok := ast.Unparen(call.Args[1]).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Body" && isNamed(c.pass.TypesInfo.TypeOf(sel.X), "net/http", "Request")
}

// site makes a site of this package at pos.
func (c *Classifier) site(k Kind, what string, pos token.Pos) Site {
	p := c.pass.Fset.Position(pos)
	return Site{Kind: k, What: what, Pos: pos, At: filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)}
}

func joinVia(name, via string) string {
	if via == "" {
		return name
	}
	return name + " -> " + via
}

// ClosesConns reports whether a call or range statement of this
// package closes a set of connections the program keeps: the range
// itself, or a call of a function that has one.
func (c *Classifier) ClosesConns(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.RangeStmt:
		_, ok := c.closeSet(n)
		return ok
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(c.pass.TypesInfo, n).(*types.Func)
		if fn == nil || objectof.IsInterfaceMethod(fn) {
			return false
		}
		if c.Func(fn).Kinds()&CloseSet != 0 {
			return true
		}
		// hub.Stop() that tells the hub's own loop (hub.run, started
		// elsewhere) to close its clients: a method of a type another
		// method of which closes the set.
		if recv := fn.Signature().Recv(); recv != nil {
			ms := types.NewMethodSet(types.NewPointer(derefNamed(recv.Type())))
			for i := range ms.Len() {
				if m, ok := ms.At(i).Obj().(*types.Func); ok && m.Pkg() == fn.Pkg() && c.Func(m).Kinds()&CloseSet != 0 {
					return true
				}
			}
		}
	}
	return false
}

// derefNamed returns the type a pointer points to, or t.
func derefNamed(t types.Type) types.Type {
	if p, ok := t.(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}
