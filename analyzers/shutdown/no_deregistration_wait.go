package shutdown

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sigtermlint/sigtermlint/internal/deploy"
	"github.com/sigtermlint/sigtermlint/internal/reach"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
)

// noDeregistrationWaitRule documents no-deregistration-wait.
var noDeregistrationWaitRule = ruledoc.Rule{
	Category:   ruledoc.NoDeregistrationWait,
	Analyzer:   "shutdown",
	Title:      "On Kubernetes, the listener closes while the load balancer still sends requests to the pod.",
	When:       "on Kubernetes, behind a LoadBalancer Service or an Ingress, with no preStop hook and no wait before Shutdown",
	Production: "endpoints go away as SIGTERM arrives, and the load balancer notices seconds later: requests it still sends find the port closed (502s on every rollout)",
	Bad: ruledoc.Example{
		Note: "Shutdown closes the listener at once, while the Ingress still routes to this pod.",
		Snippets: []ruledoc.Snippet{ruledoc.GoCode(`
<-ctx.Done() // SIGTERM
shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
defer cancel()
srv.Shutdown(shutdownCtx)
`)},
	},
	Good: ruledoc.Example{
		Note: "wait for the endpoints to go before closing the listener (or give the container a preStop sleep).",
		Snippets: []ruledoc.Snippet{ruledoc.GoCode(`
<-ctx.Done() // SIGTERM
time.Sleep(5 * time.Second) // the load balancer stops sending requests
shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
defer cancel()
srv.Shutdown(shutdownCtx)
`)},
	},
	Fix: "Add a preStop hook that sleeps a few seconds (`lifecycle.preStop.sleep.seconds: 5` on Kubernetes 1.30 and " +
		"later, or `exec: [\"sleep\", \"5\"]`), or sleep before `Shutdown` on the stop path; keep " +
		"terminationGracePeriodSeconds above the sleep plus the drain.",
	Details: ruledoc.Paras(
		"The routes are read from the Kubernetes manifests: a Service of type LoadBalancer, or an Ingress whose " +
			"backend is a Service, whose selector matches the pod labels of a workload that runs the program " +
			"(kustomize patches and Helm templates aside). A container with any preStop hook is taken to wait " +
			"(an httpGet hook may). On the program's side, a wait is a `time.Sleep`, `time.After`, a timer or a " +
			"ticker before a `Shutdown` in its function, in a function of the package it calls first, or " +
			"in the functions that call it; when any `Shutdown` of package main waits (the public server's, " +
			"after an admin server's), the program is taken to wait. Programs that do not handle SIGTERM are " +
			"left to `no-sigterm`. Reported once per program, at the first `Shutdown` in package main, with the " +
			"route and the workload as related information. On ECS the load balancer drains the target before " +
			"SIGTERM is sent, so nothing is reported there.",
	),
	Since: ruledoc.V010,
	Links: []ruledoc.Link{
		{Title: "Kubernetes: termination of pods", URL: "https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination"},
		{Title: "AWS Load Balancer Controller: pod graceful shutdown", URL: "https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/deploy/pod_readiness_gate/"},
	},
}

// checkDeregistration reports no-deregistration-wait at the first stop of
// package main, when no stop there waits before closing its listener and
// a Kubernetes route sends requests to a workload that runs the program
// and has no preStop hook.
func (c *checker) checkDeregistration() {
	prog := c.reach.Program
	if !c.cfg.Enabled(ruledoc.NoDeregistrationWait) || prog == nil || c.pass.Pkg.Name() != "main" {
		return
	}
	if prog.Bits&reach.SigTERM == 0 {
		return // SIGTERM ends it at once (no-sigterm, sigint-only): no Shutdown runs on it
	}
	lb := c.loadBalancersOf()
	var route deploy.Route
	var bare *deploy.Container
	for _, rt := range lb.routes {
		for i := range rt.Targets {
			if !rt.Targets[i].HasPreStop && bare == nil {
				route, bare = rt, &rt.Targets[i]
			}
		}
	}
	if bare == nil {
		return
	}
	// Which server the load balancer routes to is not known: when any
	// stop waits first (the public server's, after an admin server's),
	// the program is taken to wait.
	var first *stopCall
	for _, s := range c.scopes {
		for _, stop := range s.stops {
			if c.waitsForEndpoints(s, stop) {
				return
			}
			if first == nil || stop.call.Pos() < first.call.Pos() {
				first = stop
			}
		}
	}
	if first == nil {
		return
	}
	diag := analysis.Diagnostic{
		Pos: first.call.Pos(), End: first.call.End(), Category: ruledoc.NoDeregistrationWait,
		Message: fmt.Sprintf("%s closes the listener as soon as SIGTERM arrives while %s still routes to the pod (%s at %s has no preStop hook): requests sent in between find the port closed",
			first.name, route.Via, bare.Workload, bare.Source),
	}
	if ri, ok := c.manifestInfo(lb.root, route.Source, "requests come through "+route.Via); ok {
		diag.Related = append(diag.Related, ri)
	}
	if ri, ok := c.manifestInfo(lb.root, bare.Source, fmt.Sprintf("%s %s runs the program with no preStop hook", bare.Object, bare.Workload)); ok {
		diag.Related = append(diag.Related, ri)
	}
	c.report.Report(diag)
}

// waitsForEndpoints reports whether the program waits for a time on its way
// to a stop: a sleep, a timer or a ticker before it in its function, in a
// function of the package called before it there, or before the calls of
// that function (two levels up).
func (c *checker) waitsForEndpoints(s *scope, stop *stopCall) bool {
	return c.waitsIn(s.body, stop.call.Pos(), 0) || c.callersWait(s.decl, s.isLit, 0)
}

// callersWait reports whether a wait comes before a call of fn in the
// functions of the package that call it.
func (c *checker) callersWait(fd *ast.FuncDecl, isLit bool, depth int) bool {
	if fd == nil || isLit || depth > 1 {
		return false
	}
	fn, _ := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if fn == nil {
		return false
	}
	found := false
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			caller, ok := d.(*ast.FuncDecl)
			if !ok || caller.Body == nil || found {
				continue
			}
			ast.Inspect(caller.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if found || !ok || typeutil.Callee(c.pass.TypesInfo, call) != fn {
					return !found
				}
				found = c.waitsIn(caller.Body, call.Pos(), 0) || c.callersWait(caller, false, depth+1)
				return !found
			})
		}
	}
	return found
}

// waitsIn reports whether body waits for a time before pos: a call of
// time.Sleep, time.After, time.NewTimer, time.Tick, time.NewTicker or
// time.AfterFunc, or of a function of the package that does (two levels
// down).
func (c *checker) waitsIn(body *ast.BlockStmt, pos token.Pos, depth int) bool {
	if body == nil || depth > 2 {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found || n == nil || n.Pos() >= pos {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
		switch {
		case fn == nil:
		case fn.Pkg() != nil && fn.Pkg().Path() == "time" && timeWaits[fn.Name()]:
			found = true
		case fn.Pkg() == c.pass.Pkg:
			if decl := c.declOf(fn); decl != nil {
				found = c.waitsIn(decl.Body, decl.Body.End(), depth+1)
			}
		}
		return !found
	})
	return found
}

// timeWaits are the functions of package time that wait.
var timeWaits = map[string]bool{"Sleep": true, "After": true, "NewTimer": true, "Tick": true, "NewTicker": true, "AfterFunc": true}
