package shutdown

import (
	"github.com/sigtermlint/sigtermlint/internal/longlived"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
	"golang.org/x/tools/go/analysis"
)

// hijackedNotClosedRule documents hijacked-not-closed.
var hijackedNotClosedRule = ruledoc.Rule{
	Category:   ruledoc.HijackedNotClosed,
	Analyzer:   "shutdown",
	Title:      "Shutdown leaves websockets to be cut without a close frame.",
	When:       "a server that serves websockets or other hijacked connections is shut down with nothing that tells them",
	Production: "every client sees an abnormal closure (1006) on every deploy instead of 1001 Going Away and a clean reconnect",
	Bad: ruledoc.Example{
		Note: "`Shutdown` neither closes nor waits for hijacked connections: they live until the process exits.",
		Snippets: []ruledoc.Snippet{ruledoc.GoCode(`
mux.HandleFunc("/ws", func(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil) // hijacks the connection
	if err != nil {
		return
	}
	echo(conn)
})
srv := &http.Server{Addr: ":8080", Handler: mux}
// ... serve, wait for SIGTERM ...
srv.Shutdown(shutdownCtx) // returns while the websockets are still open
`)},
	},
	Good: ruledoc.Example{
		Note: "tell them on the stop: `RegisterOnShutdown` runs its functions when Shutdown starts.",
		Snippets: []ruledoc.Snippet{ruledoc.GoCode(`
srv.RegisterOnShutdown(func() {
	for _, conn := range hub.conns() {
		conn.WriteControl(websocket.CloseMessage,
			websocket.FormatCloseMessage(websocket.CloseGoingAway, "server stopping"),
			time.Now().Add(time.Second))
		conn.Close()
	}
})
`)},
	},
	Fix: "On the stop, send each hijacked connection a close frame (1001 Going Away) and close it: register the " +
		"function with `srv.RegisterOnShutdown`, or call it on the stop path before or after `Shutdown`; or give " +
		"the server a `BaseContext` cancelled on the stop and end the connections on their request context.",
	Details: ruledoc.Paras(
		"A handler hijacks when it, or a function it calls in any package, upgrades to a websocket "+
			"(gorilla/websocket's `Upgrade`, coder/websocket's and nhooyr.io/websocket's `Accept`, "+
			"golang.org/x/net/websocket's `Handler` and `Server`) or calls `Hijack`. The server is followed from "+
			"the `Shutdown` receiver to its `http.Server` literal in the same package (or to an echo `*Echo`, "+
			"whose routes it serves, with the settings made on `e.Server`), then from its `Handler` "+
			"through the routes registered on net/http's `ServeMux`, gin, echo, chi and gorilla/mux routers "+
			"(groups, sub-routers, chi's `Route`, functions of the package that build or fill the router), "+
			"`http.HandlerFunc` and middleware calls. A handler under `http.TimeoutHandler` cannot hijack.",
		"The connections are told when the server has a `RegisterOnShutdown` call, a `BaseContext` that returns "+
			"something other than `context.Background()`, or when the function that calls `Shutdown` (outside the "+
			"goroutines it starts for other work) closes a set of connections the program keeps: a range over a "+
			"map or slice calling `Close`, `CloseNow` or `WriteControl`, or closing each one's send channel, "+
			"directly, in a function it calls, or in another method of the type whose method it calls (`hub.stop()` "+
			"telling `hub.run`'s loop). Literals it hands to calls (an admin handler that closes every "+
			"connection) are not the stop path. A server that cannot be followed, or a handler behind an "+
			"interface, is not reported.",
	),
	Since: ruledoc.V010,
	Links: []ruledoc.Link{
		{Title: "(*http.Server).Shutdown: hijacked connections are not closed or waited for", URL: "https://pkg.go.dev/net/http#Server.Shutdown"},
		{Title: "(*http.Server).RegisterOnShutdown", URL: "https://pkg.go.dev/net/http#Server.RegisterOnShutdown"},
		{Title: "RFC 6455 7.4.1: 1001 Going Away, 1006 abnormal closure", URL: "https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1"},
	},
}

// checkHijacked reports hijacked-not-closed at a Shutdown whose server
// serves hijacked connections that nothing tells of the stop.
func (c *checker) checkHijacked(s *scope, stop *stopCall, srv *longlived.Server) {
	h, site, ok := srv.Has(longlived.Hijack)
	if !ok || len(srv.OnShutdown) > 0 || srv.BaseContext != nil || c.tellsOnStop(s, stop) {
		return
	}
	c.report.Report(analysis.Diagnostic{
		Pos:      stop.call.Pos(),
		End:      stop.call.End(),
		Category: ruledoc.HijackedNotClosed,
		Message:  "hijacked connections are dropped without a close frame on every stop: Shutdown neither closes nor waits for them",
		Related:  []analysis.RelatedInformation{siteInfo(h, site, "the connection is hijacked here")},
	})
}
