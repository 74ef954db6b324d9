package shutdown

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"sort"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sigtermlint/sigtermlint/internal/config"
	"github.com/sigtermlint/sigtermlint/internal/deploy"
	"github.com/sigtermlint/sigtermlint/internal/filepos"
	"github.com/sigtermlint/sigtermlint/internal/longlived"
	"github.com/sigtermlint/sigtermlint/internal/objectof"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
)

// Load balancers: the connection draining in front of a program (the
// deregistration delay of its target groups, read from its deployment
// files) held against the longest request each of its servers allows
// (drain-delay-too-short, drain-delay-too-long).

// loadBalancers is what the deployment files say of the load balancers in
// front of package main.
type loadBalancers struct {
	drains []deploy.Drain
	routes []deploy.Route
	root   string // the directory the files' names are relative to
}

// loadBalancersOf reads, once per pass, the drains and the Kubernetes
// routes in front of the program (deploy's DrainsOf and RoutesOf, under
// every name its binary has in the images that build it).
func (c *checker) loadBalancersOf() *loadBalancers {
	if c.lb != nil {
		return c.lb
	}
	c.lb = &loadBalancers{}
	if c.reach.Program == nil {
		return c.lb
	}
	set, root := c.cfg.LoadManifests(c.pass)
	if set == nil {
		return c.lb
	}
	names := set.BinaryNames(config.Program(c.pass, root))
	c.lb = &loadBalancers{drains: set.DrainsOf(names), routes: set.RoutesOf(names), root: root}
	return c.lb
}

// drainsSeen are the drains read for the package, the shortest first,
// unknown ones last, for the Result.
func (c *checker) drainsSeen() []Drain {
	if c.lb == nil {
		return nil
	}
	var out []Drain
	for _, d := range c.lb.drains {
		dr := Drain{D: d.Delay.D, Known: !d.Unknown, BeforeStop: d.BeforeStop, What: d.What(),
			File: filepath.Join(c.lb.root, filepath.FromSlash(d.Delay.File)), Line: d.Delay.Line}
		if d.Unknown {
			dr.What = d.Setting + " of " + d.LB + " at " + d.Delay.Source.String() + " is not resolved"
		}
		out = append(out, dr)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Known != out[j].Known {
			return out[i].Known
		}
		return out[i].D < out[j].D
	})
	return out
}

// manifestInfo is related information at a line of a deployment file.
func (c *checker) manifestInfo(root string, at deploy.Source, msg string) (analysis.RelatedInformation, bool) {
	pos, ok := filepos.Pos(c.pass.Fset, filepath.Join(root, filepath.FromSlash(at.File)), at.Line)
	return analysis.RelatedInformation{Pos: pos, Message: msg}, ok
}

// checkDrainDelays judges each serve call of package main against the
// drains in front of the program: one report per serve call, too short
// before too long.
func (c *checker) checkDrainDelays() {
	if !c.cfg.AnyEnabled(ruledoc.DrainDelayTooShort, ruledoc.DrainDelayTooLong) {
		return // switched off: the manifests' load balancers are not read
	}
	prog := c.reach.Program
	if prog == nil || len(prog.Serves) == 0 {
		return
	}
	lb := c.loadBalancersOf()
	if len(lb.drains) == 0 {
		return
	}
	for _, site := range prog.Serves {
		call := c.callAt(site.Pos, site.End)
		if call == nil {
			continue
		}
		srv, ok := c.servedBy(call)
		if !ok {
			continue
		}
		if c.cfg.Enabled(ruledoc.DrainDelayTooShort) {
			if d, ok := c.drainTooShort(site, srv, lb); ok {
				c.report.Report(d)
				continue
			}
		}
		if c.cfg.Enabled(ruledoc.DrainDelayTooLong) {
			if d, ok := c.drainTooLong(site, srv, lb); ok {
				c.report.Report(d)
			}
		}
	}
}

// served is what a serve call's server allows: the longest request and
// its long-lived handlers, from the package's own server or, for a call
// of another package's function that serves, from its ServerFact.
type served struct {
	longest longlived.Longest
	// longLived says what its first long-lived handler does ("hijacked
	// connections", "streams", "large uploads"), "" when it has none;
	// longLivedAt is related information at it, when it is in this
	// package.
	longLived   string
	longLivedAt *analysis.RelatedInformation
	// hijacks and streams: a handler hijacks its connection, or streams.
	hijacks, streams bool
	// complete: every handler was followed; timeoutHandler: an
	// http.TimeoutHandler wraps the whole handler.
	complete, timeoutHandler bool
}

// servedBy follows the server of a serve call: an *http.Server's
// ListenAndServe/Serve (and the TLS variants) on a server the package
// builds, echo's Start on an *echo.Echo, the serve calls that build their
// server around a handler (http.ListenAndServe(addr, h), gin's Run), and
// a call of a function that serves one such server (ServerFact). False
// for anything else, and for a server that cannot be followed.
func (c *checker) servedBy(call *ast.CallExpr) (served, bool) {
	fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return served{}, false
	}
	if srv, ok := c.serverAtCall(call, fn); ok {
		return servedOf(srv), true
	}
	if f, ok := c.serverFactOf(fn); ok {
		return f.served(), true
	}
	return served{}, false
}

// serverAtCall follows the server of a direct serve call (see servedBy).
func (c *checker) serverAtCall(call *ast.CallExpr, fn *types.Func) (*longlived.Server, bool) {
	cls := c.reach.LongLived
	if cls == nil {
		return nil, false
	}
	recv := fn.Signature().Recv()
	sel, _ := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	switch path, name := fn.Pkg().Path(), fn.Name(); {
	case path == "net/http" && recv == nil:
		at := map[string]int{"ListenAndServe": 1, "ListenAndServeTLS": 3, "Serve": 1, "ServeTLS": 1}
		i, ok := at[name]
		if !ok || i >= len(call.Args) {
			return nil, false
		}
		h := call.Args[i]
		if isNil(c.pass.TypesInfo, h) {
			h = nil // http.DefaultServeMux
		}
		return longlived.HandlerServer(cls, c.durations(), h), true
	case path == "net/http" && sel != nil && isServeMethod(name):
		return c.followServer(sel.X)
	case path == "github.com/labstack/echo/v4" && sel != nil && (name == "Start" || name == "StartTLS" || name == "StartAutoTLS"):
		return c.followServer(sel.X)
	case path == "github.com/gin-gonic/gin" && sel != nil && (name == "Run" || name == "RunTLS" || name == "RunListener"):
		return longlived.HandlerServer(cls, c.durations(), sel.X), true
	}
	return nil, false
}

// servedOf summarizes a server of the package.
func servedOf(srv *longlived.Server) served {
	s := served{longest: srv.Longest(), complete: srv.Complete, timeoutHandler: srv.TimeoutHandler.Set()}
	_, _, s.hijacks = srv.Has(longlived.Hijack)
	_, _, s.streams = srv.Has(longlived.Stream)
	if h, site, what, ok := longLivedHandler(srv); ok {
		s.longLived = what
		if h.Route != "" {
			s.longLived += " at " + h.Route
		}
		ri := siteInfo(h, site, "a long-lived request")
		s.longLivedAt = &ri
	}
	return s
}

func isServeMethod(name string) bool {
	switch name {
	case "ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS":
		return true
	}
	return false
}

// followServer is longlived.ServerOf, once per variable (shared with the
// Shutdown calls' servers).
func (c *checker) followServer(x ast.Expr) (*longlived.Server, bool) {
	v := objectof.Var(c.pass.TypesInfo, x)
	if v == nil {
		return nil, false
	}
	if srv, ok := c.servers[v]; ok {
		return srv, srv != nil
	}
	srv, ok := longlived.ServerOf(c.reach.LongLived, c.durations(), x)
	if c.servers == nil {
		c.servers = map[*types.Var]*longlived.Server{}
	}
	if !ok {
		srv = nil
	}
	c.servers[v] = srv
	return srv, ok
}

// callAt returns the call expression of the package that spans pos..end.
func (c *checker) callAt(pos, end token.Pos) *ast.CallExpr {
	for _, f := range c.pass.Files {
		if pos < f.FileStart || pos > f.FileEnd {
			continue
		}
		var found *ast.CallExpr
		ast.Inspect(f, func(n ast.Node) bool {
			if found != nil || n == nil || n.End() < pos || n.Pos() > end {
				return false
			}
			if call, ok := n.(*ast.CallExpr); ok && call.Pos() == pos && call.End() == end {
				found = call
			}
			return true
		})
		return found
	}
	return nil
}

// longLivedHandler returns a long-lived handler of the server (one that
// hijacks, streams or reads a large body) and what it does.
func longLivedHandler(srv *longlived.Server) (longlived.Handler, longlived.Site, string, bool) {
	for _, k := range []struct {
		kind longlived.Kind
		what string
	}{{longlived.Hijack, "hijacked connections"}, {longlived.Stream, "streams"}, {longlived.Body, "large uploads"}} {
		if h, site, ok := srv.Has(k.kind); ok {
			return h, site, k.what, true
		}
	}
	return longlived.Handler{}, longlived.Site{}, "", false
}

// suggestedDelay is the delay the seed advises for requests that end by
// d: d rounded up to a second, at least 5s.
func suggestedDelay(d time.Duration) time.Duration {
	s := (d + time.Second - 1).Truncate(time.Second)
	if s < 5*time.Second {
		s = 5 * time.Second
	}
	return s
}

// drainNote says where a drain's delay comes from, for related
// information.
func drainNote(d deploy.Drain) string {
	if d.Delay.Default {
		return fmt.Sprintf("%s sets no %s: the load balancer drains for its default %s", d.LB, d.Setting, deploy.Seconds(d.Delay.D))
	}
	return fmt.Sprintf("the load balancer drains for %s here", deploy.Seconds(d.Delay.D))
}
