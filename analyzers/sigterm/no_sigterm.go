package sigterm

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/reach"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
)

// noSIGTERMRule documents no-sigterm.
var noSIGTERMRule = ruledoc.Rule{
	Category:   ruledoc.NoSIGTERM,
	Analyzer:   "sigterm",
	Title:      "The program never handles SIGTERM.",
	When:       "nothing reachable handles SIGTERM or SIGINT",
	Production: "the Go runtime exits at once on SIGTERM: in-flight requests are cut off on every deploy",
	Bad: ruledoc.Example{
		Note: "nothing handles SIGTERM.",
		Snippets: []ruledoc.Snippet{ruledoc.GoCode(`
func main() {
http.HandleFunc("/", hello)
log.Fatal(http.ListenAndServe(":8080", nil))
}
`)},
	},
	Good: ruledoc.Example{
		Note: "the context is cancelled on SIGTERM and the server drains.",
		Snippets: []ruledoc.Snippet{ruledoc.GoCode(`
func main() {
ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
defer stop()
srv := &http.Server{Addr: ":8080"}
go func() {
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}()
<-ctx.Done()
shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
defer cancel()
srv.Shutdown(shutdownCtx)
}
`)},
	},
	Fix: "Handle SIGTERM (with `signal.NotifyContext` or `signal.Notify`), then drain the server with Shutdown " +
		"under a deadline shorter than the stop timeout. When the signal list holds `os.Kill` instead of SIGTERM " +
		"and is in package main, a suggested fix puts `syscall.SIGTERM` in its place (`sigtermlint -fix ./...`).",
	Details: ruledoc.Paras(
		"`signal.Notify(c, os.Kill)` handles nothing: `os.Kill` is SIGKILL, which cannot be caught. When such a "+
			"list is in package main, the finding says so and its fix replaces `os.Kill` by `syscall.SIGTERM` "+
			"(see [sigint-only](#sigint-only)).",
		"Signal handling installed only after a call in `main` that blocks in a serve call (`srv.Serve(lis)`, "+
			"or `r.Run()`, then `signal.NotifyContext`) is not there while the server runs, and does not count.",
		"On ECS and AWS Copilot the load balancer drains a task before SIGTERM is sent. When every load balancer "+
			"the deployment files put in front of the program does so, this finding (and `sigint-only`'s and "+
			"`no-shutdown`'s) says what is still cut: the requests that bypass the load balancer "+
			"(service-to-service calls) or outlast its drain, with the delay's line as related information.",
	),
	Since: ruledoc.V010,
	Links: []ruledoc.Link{
		{Title: "os/signal: default behavior of signals in Go programs", URL: "https://pkg.go.dev/os/signal#hdr-Default_behavior_of_signals_in_Go_programs"},
		ruledoc.LinkK8sStop,
		{Title: "dominikh/go-staticcheck#26: signal.Notify(c, os.Interrupt, os.Kill) almost always meant SIGTERM", URL: "https://github.com/dominikh/go-staticcheck/issues/26"},
		{Title: "dominikh/go-tools#1248: SA1016 does not look at signal.NotifyContext", URL: "https://github.com/dominikh/go-tools/issues/1248"},
	},
}

// noSIGTERM is the finding of a server whose program handles neither
// SIGTERM nor SIGINT. Its fix replaces os.Kill where it stands for
// SIGTERM in a signal list of package main.
func noSIGTERM(pass *analysis.Pass, prog *reach.Program, site reach.ServeSite) analysis.Diagnostic {
	return analysis.Diagnostic{
		Pos: site.Pos, End: site.End, Category: ruledoc.NoSIGTERM,
		Message:        fmt.Sprintf("server started via %s never handles SIGTERM: deploys cut off its in-flight requests", site.Via),
		Related:        killRelated(prog),
		SuggestedFixes: replaceKill(pass, prog), // only when os.Kill stands where SIGTERM was meant
	}
}
