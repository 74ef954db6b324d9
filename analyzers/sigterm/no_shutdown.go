package sigterm

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/reach"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
)

// noShutdownRule documents no-shutdown.
var noShutdownRule = ruledoc.Rule{
	Category:   ruledoc.NoShutdown,
	Analyzer:   "sigterm",
	Title:      "SIGTERM is handled, but nothing stops the server gracefully.",
	When:       "SIGTERM is handled, but no graceful stop is reachable anywhere in the program",
	Production: "the process exits with requests in flight",
	Bad: ruledoc.Example{
		Note: "SIGTERM is trapped, but the handler exits at once.",
		Snippets: []ruledoc.Snippet{ruledoc.GoCode(`
signal.Notify(sigs, syscall.SIGTERM)
go func() { <-sigs; os.Exit(0) }()
log.Fatal(srv.ListenAndServe())
`)},
	},
	Good: ruledoc.Example{
		Note: "drain with Shutdown (or `(*grpc.Server).GracefulStop`, fasthttp's `Shutdown`, a framework's " +
			"Shutdown, an fx OnStop hook...).",
		Snippets: []ruledoc.Snippet{ruledoc.GoCode(`
<-ctx.Done()
shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
defer cancel()
srv.Shutdown(shutdownCtx)
`)},
	},
	Fix: "On the signal, stop the server gracefully: `(*http.Server).Shutdown` with a deadline, " +
		"`(*grpc.Server).GracefulStop`, fasthttp's `Shutdown`, or your framework's; serve from an " +
		"`*http.Server` you keep, so that there is something to call Shutdown on.",
	Details: ruledoc.Paras(
		"`(*http.Server).Close` is not a graceful stop: it drops active connections. A server started with the "+
			"package-level `http.ListenAndServe` leaves no `*http.Server` to call Shutdown on; the message says "+
			"so. The rule is program-wide: when a graceful stop is reachable for one server, side servers (a "+
			"pprof or metrics listener) get no report.",
		"A drain written by hand counts too, the way servers did it before Shutdown and "+
			"github.com/fvbock/endless still does: `srv.SetKeepAlivesEnabled(false)` and closing the listener "+
			"in the same function, then waiting for the open connections (keep-alives off alone is "+
			"configuration, not a drain).",
	),
	Since: ruledoc.V010,
	Links: []ruledoc.Link{
		ruledoc.LinkShutdown,
		{Title: "grpc: (*Server).GracefulStop", URL: "https://pkg.go.dev/google.golang.org/grpc#Server.GracefulStop"},
	},
}

// noShutdown is the finding of a server whose program handles SIGTERM
// but reaches no graceful stop.
func noShutdown(prog *reach.Program, site reach.ServeSite) analysis.Diagnostic {
	d := analysis.Diagnostic{Pos: site.Pos, End: site.End, Category: ruledoc.NoShutdown}
	if site.NoHandle {
		d.Message = fmt.Sprintf("server started via %s cannot be shut down gracefully: SIGTERM cuts off its in-flight requests", site.Via)
	} else {
		d.Message = fmt.Sprintf("server started via %s is never shut down gracefully: SIGTERM cuts off its in-flight requests", site.Via)
	}
	d.Related = related(prog, reach.SigTERM, "SIGTERM is handled here")
	return d
}
