package shutdown

import (
	"github.com/sigtermlint/sigtermlint/internal/durations"
	"github.com/sigtermlint/sigtermlint/internal/longlived"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
	"golang.org/x/tools/go/analysis"
)

// streamBlocksDrainRule documents stream-blocks-drain.
var streamBlocksDrainRule = ruledoc.Rule{
	Category:   ruledoc.StreamBlocksDrain,
	Analyzer:   "shutdown",
	Title:      "A stream that waits on its request context holds Shutdown to its deadline.",
	When:       "a server whose streaming handler stops only on its request context, or never, is shut down with nothing that tells the stream",
	Production: "every stop spends Shutdown's whole deadline (or the stop timeout) on streams that were never going to end, then cuts them",
	Bad: ruledoc.Example{
		Note: "`Shutdown` does not cancel request contexts: it waits for this loop until its own deadline.",
		Snippets: []ruledoc.Snippet{ruledoc.GoCode(`
func events(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/event-stream")
	for {
		select {
		case <-r.Context().Done():
			return
		case ev := <-feed:
			fmt.Fprintf(w, "data: %s\n\n", ev)
			w.(http.Flusher).Flush()
		}
	}
}
`)},
	},
	Good: ruledoc.Example{
		Note: "tell the stream: a channel closed on the stop (or a BaseContext cancelled on it, or RegisterOnShutdown).",
		Snippets: []ruledoc.Snippet{ruledoc.GoCode(`
for {
	select {
	case <-r.Context().Done():
		return
	case <-stopping: // closed right before srv.Shutdown
		return
	case ev := <-feed:
		fmt.Fprintf(w, "data: %s\n\n", ev)
		w.(http.Flusher).Flush()
	}
}
`)},
	},
	Fix: "End streams on the stop: give the server a `BaseContext` that returns a context cancelled on SIGTERM, " +
		"register a function with `srv.RegisterOnShutdown` that ends them, or select on a channel closed before " +
		"`Shutdown` in the loop. Clients of server-sent events reconnect on their own.",
	Details: ruledoc.Paras(
		"A handler streams in a loop that flushes the response (`http.Flusher`'s or `http.ResponseController`'s "+
			"`Flush`, gin's `SSEvent`, gin's `c.Stream`), directly or in a function it calls. The loop waits blind "+
			"when it has no condition (or ranges over a ticker) and its only ways out are a select case on the "+
			"request context's `Done()` (`r.Context()`, gin's context, a context derived from them), a write "+
			"error (`if err != nil`), or none. A case on any other channel, a received `ok`, a timer or any other "+
			"condition counts as another way out, and the loop is not reported.",
		"Not reported when the server has a `RegisterOnShutdown` call or a `BaseContext` returning something "+
			"other than `context.Background()`, when the package gives requests another context "+
			"(`r.WithContext(stopCtx)` in a middleware, or a context derived from the request's whose cancel "+
			"function something other than a defer calls), when its `WriteTimeout` is set and not longer than Shutdown's "+
			"deadline (the stream's writes then fail and its request context is cancelled first), when Shutdown's "+
			"context is already cancelled (`cancelled-context`), or when the server cannot be followed (see "+
			"`hijacked-not-closed`).",
	),
	Since: ruledoc.V010,
	Links: []ruledoc.Link{
		{Title: "(*http.Server).Shutdown waits for active connections to return to idle", URL: "https://pkg.go.dev/net/http#Server.Shutdown"},
		{Title: "(*http.Server).BaseContext", URL: "https://pkg.go.dev/net/http#Server"},
	},
}

// checkStreams reports stream-blocks-drain at a Shutdown whose server
// streams in a loop that nothing tells of the stop.
func (c *checker) checkStreams(stop *stopCall, srv *longlived.Server, l lineage) {
	h, site, ok := srv.Has(longlived.Blind)
	if !ok || len(srv.OnShutdown) > 0 || srv.BaseContext != nil || srv.Rebased != nil {
		return
	}
	deadlineKnown := l.rooted && l.bounded && l.deadlineKnown
	if srv.WriteTimeout.Set() {
		// The stream's writes fail at the write deadline, which cancels
		// its request context: it ends by then.
		if !srv.WriteTimeout.Known || !deadlineKnown || srv.WriteTimeout.D <= l.deadline {
			return
		}
	}
	msg := "streaming requests hold Shutdown until its deadline on every stop: it does not cancel their request contexts"
	switch {
	case deadlineKnown:
		msg = "streaming requests hold Shutdown for its whole " + durations.Format(l.deadline) + " deadline on every stop: it does not cancel their request contexts"
	case l.rooted && !l.bounded:
		msg = "streaming requests hold Shutdown until SIGKILL on every stop: it does not cancel their request contexts"
	}
	c.report.Report(analysis.Diagnostic{
		Pos:      stop.call.Pos(),
		End:      stop.call.End(),
		Category: ruledoc.StreamBlocksDrain,
		Message:  msg,
		Related:  []analysis.RelatedInformation{siteInfo(h, site, "this loop streams until its request context ends")},
	})
}
