package shutdown

import (
	"github.com/sigtermlint/sigtermlint/internal/config"
	"github.com/sigtermlint/sigtermlint/internal/directive"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
	"golang.org/x/tools/go/analysis"
)

// badDirectiveRule documents bad-directive.
var badDirectiveRule = ruledoc.Rule{
	Category: directive.BadDirective,
	Analyzer: "shutdown",
	Title:    "A `//sigtermlint:` directive is malformed, contradicted, or suppresses nothing.",
	When: "a `//sigtermlint:` directive that is unknown, malformed or misplaced, a declaration the code " +
		"contradicts, a `manifest` whose file or container is missing, or an ignore that suppresses nothing",
	Production: "the directive is ignored (or stale); the finding says why",
	Bad: ruledoc.Example{
		Note: "an ignore without a reason, a stop timeout that is not a duration, a misspelled declaration, and one the code contradicts.",
		Snippets: []ruledoc.Snippet{ruledoc.GoCode(`
//sigtermlint:ignore shutdown-timeout
srv.Shutdown(ctx)

//sigtermlint:stop-timeout soon

//sigtermlint:handle SIGTERM
`), ruledoc.GoCode(`
// stop drains the server.
//
//sigtermlint:stops-within 5s
func stop(srv *http.Server) {
ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
defer cancel()
srv.Shutdown(ctx)
}
`)},
	},
	Good: ruledoc.Example{
		Note: "say why the finding does not apply, give durations as Go durations, spell the declaration right, and declare what the code does.",
		Snippets: []ruledoc.Snippet{ruledoc.GoCode(`
//sigtermlint:ignore shutdown-timeout terminationGracePeriodSeconds is 60 in the pod spec
srv.Shutdown(ctx)

//sigtermlint:stop-timeout 60s

//sigtermlint:handles SIGTERM
`), ruledoc.GoCode(`
// stop drains the server.
//
//sigtermlint:stops-within 20s
func stop(srv *http.Server) {
ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
defer cancel()
srv.Shutdown(ctx)
}
`)},
	},
	Fix: "Do what the finding says: give an ignore known categories and a reason, remove an ignore (or the " +
		"categories of one) that suppresses nothing, write durations as positive Go durations, use the " +
		"directive names the message lists, and correct or remove a declaration the code contradicts.",
	Details: ruledoc.Paras(
		"The `shutdown` analyzer reports malformed directives and declarations and the stale ignores of its " +
			"categories; the `sigterm` analyzer reports the stale ignores of its own. When you run only " +
			"`-sigterm`, malformed directives are ignored silently (and suppress nothing). `bad-directive` " +
			"itself cannot be ignored: fix the directive instead. The directives are described in " +
			"[Suppressing a finding](configuration.md#suppressing-a-finding), [Declaring what sigtermlint cannot " +
			"see](configuration.md#declaring-what-sigtermlint-cannot-see) and [The stop timeout](configuration.md#the-stop-timeout).",
	),
	Since: ruledoc.V010,
	Links: []ruledoc.Link{
		{Title: "staticcheck's //lint:ignore, the model: a required reason, and ignores that match nothing are reported", URL: ""},
	},
}

// reportBadDirectives reports, as bad-directive, the malformed
// //sigtermlint: directives of the package: the stop-timeout ones (bad),
// the ignores, the declarations reach read and the manifest bindings.
// This analyzer owns bad-directive: the sigterm analyzer skips them
// silently, so that each is reported once.
func (c *checker) reportBadDirectives(bad []directive.Problem, cfg *config.Config) {
	r := c.report
	for _, b := range bad {
		r.Report(analysis.Diagnostic{Pos: b.Pos, End: b.End, Category: directive.BadDirective, Message: b.Message})
	}
	for _, b := range r.Malformed() {
		r.Report(analysis.Diagnostic{Pos: b.Pos, End: b.End, Category: directive.BadDirective, Message: b.Problem})
	}
	for _, p := range append(c.reach.Problems, cfg.ManifestProblems(c.pass)...) {
		r.Report(analysis.Diagnostic{Pos: p.Pos, End: p.End, Category: directive.BadDirective, Message: p.Message})
	}
}
