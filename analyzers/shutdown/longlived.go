package shutdown

import (
	"fmt"
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/longlived"
	"github.com/sigtermlint/sigtermlint/internal/objectof"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
)

// checkLongLived reports, at a (*http.Server).Shutdown call, the
// long-lived requests that Shutdown can neither end nor wait out:
// hijacked connections nothing tells (hijacked-not-closed) and streams
// that stop only on their request context (stream-blocks-drain).
func (c *checker) checkLongLived(s *scope, stop *stopCall, l lineage) {
	if !c.cfg.AnyEnabled(ruledoc.HijackedNotClosed, ruledoc.StreamBlocksDrain) {
		return // switched off: the server is not followed
	}
	srv, ok := c.serverOf(stop)
	if !ok {
		return
	}
	c.checkHijacked(s, stop, srv)
	c.checkStreams(stop, srv, l)
}

// serverOf follows the server of a (*http.Server).Shutdown call to what
// it serves, once per server.
func (c *checker) serverOf(stop *stopCall) (*longlived.Server, bool) {
	cls := c.reach.LongLived
	if cls == nil || stop.ctx == nil {
		return nil, false
	}
	sel, ok := ast.Unparen(stop.call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	fn := objectof.Func(c.pass.TypesInfo, sel)
	if fn == nil || fn.Name() != "Shutdown" || fn.Pkg() == nil || !serverPkgs[fn.Pkg().Path()] {
		return nil, false
	}
	v := objectof.Var(c.pass.TypesInfo, sel.X)
	if v == nil {
		return nil, false
	}
	_, seen := c.servers[v]
	srv, ok := c.followServer(sel.X)
	if ok && !seen {
		c.recordServer(srv, stop.call.Pos())
	}
	return srv, ok
}

// serverPkgs are the packages whose Shutdown(ctx) is net/http's, on a
// server longlived.ServerOf follows: net/http's, and echo's, which
// hands its context to its *http.Server's.
var serverPkgs = map[string]bool{"net/http": true, "github.com/labstack/echo/v4": true}

// tellsOnStop reports whether the function that runs a stop closes a set
// of connections the program keeps, on its own flow or in the goroutine
// of the stop (not in the goroutines it starts for other work: a hub's
// loop that closes the connections of clients that leave).
func (c *checker) tellsOnStop(s *scope, stop *stopCall) bool {
	decl := s.decl
	if decl == nil || decl.Body == nil {
		return false
	}
	found := false
	skip := map[*ast.FuncLit]bool{}
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if found {
			return false
		}
		holdsStop := n != nil && n.Pos() <= stop.call.Pos() && stop.call.End() <= n.End()
		switch n := n.(type) {
		case *ast.GoStmt:
			if !holdsStop {
				return false
			}
		case *ast.CallExpr:
			// Literals handed to calls (handlers, callbacks) run
			// elsewhere; a deferred or called literal runs here.
			for _, arg := range n.Args {
				if lit, ok := ast.Unparen(arg).(*ast.FuncLit); ok && !(lit.Pos() <= stop.call.Pos() && stop.call.End() <= lit.End()) {
					skip[lit] = true
				}
			}
		case *ast.FuncLit:
			if skip[n] {
				return false
			}
		}
		found = c.reach.LongLived.ClosesConns(n)
		return true
	})
	return found
}

// siteInfo is the related information that shows where a handler does
// something long-lived: the site itself when it is in this package,
// else where the package names the handler or calls into it.
func siteInfo(h longlived.Handler, site longlived.Site, what string) analysis.RelatedInformation {
	pos := site.Pos
	if !pos.IsValid() {
		pos = h.Ref.Pos()
	}
	msg := what
	if site.Via != "" {
		msg += fmt.Sprintf(" (%s at %s, called through %s)", site.What, site.At, site.Via)
	} else if pos != site.Pos {
		msg += fmt.Sprintf(" (%s at %s)", site.What, site.At)
	}
	if h.Route != "" {
		msg += ", route " + h.Route
	}
	return analysis.RelatedInformation{Pos: pos, End: token.NoPos, Message: msg}
}
