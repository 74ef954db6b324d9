package shutdown

import (
	"go/types"

	"github.com/sigtermlint/sigtermlint/internal/ownflow"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
	"golang.org/x/tools/go/analysis"
)

// unboundedShutdownRule documents unbounded-shutdown.
var unboundedShutdownRule = ruledoc.Rule{
	Category:   ruledoc.UnboundedShutdown,
	Analyzer:   "shutdown",
	Title:      "Shutdown waits without a deadline.",
	When:       "Shutdown's context has no deadline, or a stop that takes none is never cut short",
	Production: "a stuck connection holds the drain until SIGKILL, with no log line",
	Bad: ruledoc.Example{
		Snippets: []ruledoc.Snippet{ruledoc.GoCode(`
srv.Shutdown(context.Background()) // a stuck connection waits for SIGKILL
grpcServer.GracefulStop()          // a stuck stream waits for SIGKILL
app.Shutdown()                     // fiber v2: Shutdown(context.Background()) inside
`)},
	},
	Good: ruledoc.Example{
		Snippets: []ruledoc.Snippet{ruledoc.GoCode(`
shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
defer cancel()
srv.Shutdown(shutdownCtx)

t := time.AfterFunc(20*time.Second, grpcServer.Stop) // cut the streams still open
grpcServer.GracefulStop()
t.Stop()

app.ShutdownWithTimeout(20 * time.Second)
`)},
	},
	Fix: "Give Shutdown a context with a deadline shorter than the stop timeout: `context.WithTimeout` or " +
		"`context.WithDeadline`; call grpc's `Stop()` when `GracefulStop()` has not returned in time; use fiber's " +
		"`ShutdownWithTimeout`.",
	Details: ruledoc.Paras(
		"Reported only when the context is traced all the way to `Background()` or `TODO()` through "+
			"derivations without `WithTimeout` or `WithDeadline`; a context that comes from a parameter or an "+
			"unknown call is not reported. Nor is a Shutdown nobody waits for: one a `go` statement starts, or "+
			"the last statement of a goroutine (a `go func(){...}()`, or an unexported function only ever "+
			"started with `go`) that defers nothing and sends or closes nothing after it. The process then ends "+
			"when main decides, so a deadline changes nothing (prometheus/pushgateway); if main returns while "+
			"it drains, that is `exit-before-drain`'s business.",
		"Stops that take no context are judged too. grpc's `(*grpc.Server).GracefulStop()` is reported "+
			"when nothing calls `Stop()` on the same server while it drains: a `Stop()` after a timeout "+
			"(`time.AfterFunc(d, s.Stop)`, a goroutine that sleeps or waits on `time.After`, a timer or a "+
			"context with a deadline first, or a select on GracefulStop's end against one) bounds it, and "+
			"the drain then counts for `shutdown-timeout`; a `Stop()` whose time cannot be resolved silences "+
			"the rule; one that runs only after GracefulStop returned bounds nothing. A function exported "+
			"from a package other than main that runs, in its own flow, a graceful stop with a context it "+
			"makes without a deadline (fiber v2's `Shutdown()`, your own `app.Shutdown()` passing "+
			"`context.Background()` down) is reported at each call, where the program shows whether anyone "+
			"waits for it, deferred calls included, and not in the function: one report per bug (a call "+
			"through an interface is not seen). Deferred stops that take a context are not judged.",
	),
	Since: ruledoc.V010,
	Links: []ruledoc.Link{
		ruledoc.LinkShutdown,
		{Title: "context.WithTimeout", URL: "https://pkg.go.dev/context#WithTimeout"},
	},
}

// unboundedMessage says what unbounded-shutdown found at a stop.
func (c *checker) unboundedMessage(stop *stopCall) string {
	switch {
	case stop.grpc:
		return stop.name + " has no deadline and nothing calls Stop after a timeout: a stuck RPC holds the drain until SIGKILL"
	case stop.noDeadline:
		name := c.source(stop.call.Fun)
		if name == "" {
			name = stop.name
		}
		return name + " drains with a context without a deadline: a stuck connection holds the drain until SIGKILL"
	}
	return stop.name + " gets a context without a deadline: a stuck connection holds the drain until SIGKILL"
}

// forwarded reports whether a stop without a deadline is judged at the
// calls of the function it is in rather than here: the function is one
// that other packages may call, and runs the stop in its own flow
// (reach.FuncFact.StopNoDeadline). Reported here and at each call, the
// one bug would be reported twice.
func (c *checker) forwarded(s *scope, stop *stopCall) bool {
	if s.isLit || stop.grpc || stop.deferred {
		return false
	}
	fn, ok := c.pass.TypesInfo.Defs[s.decl.Name].(*types.Func)
	if !ok {
		return false
	}
	f := c.reach.Fact(fn)
	return f != nil && f.StopNoDeadline && ownflow.TopLevel(s.decl.Body, stop.call.Pos())
}

// checkUnbounded reports unbounded-shutdown at a stop whose context has
// no deadline, unless it is judged at the calls of its function.
func (c *checker) checkUnbounded(s *scope, stop *stopCall) {
	if c.forwarded(s, stop) {
		return
	}
	c.report.Report(analysis.Diagnostic{
		Pos: stop.call.Pos(), End: stop.call.End(), Category: ruledoc.UnboundedShutdown,
		Message: c.unboundedMessage(stop),
	})
}
