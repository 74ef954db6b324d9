package sigterm

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/reach"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
)

// sigintOnlyRule documents sigint-only.
var sigintOnlyRule = ruledoc.Rule{
	Category:   ruledoc.SIGINTOnly,
	Analyzer:   "sigterm",
	Title:      "The program handles Ctrl-C, not the orchestrator's SIGTERM.",
	When:       "SIGINT / `os.Interrupt` is handled, SIGTERM is not",
	Production: "orchestrators send SIGTERM, not SIGINT, so the Go runtime exits at once: in-flight requests are cut off on every deploy",
	Bad: ruledoc.Example{
		Note:     "written for Ctrl-C in a terminal.",
		Snippets: []ruledoc.Snippet{ruledoc.GoCode(`ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)`)},
	},
	Good: ruledoc.Example{
		Note: "handle both, so the program stops cleanly in a terminal and under an orchestrator " +
			"(fly.io and Nomad's exec drivers send SIGINT; the others SIGTERM).",
		Snippets: []ruledoc.Snippet{ruledoc.GoCode(`ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)`)},
	},
	Fix: "Add `syscall.SIGTERM` to the signal list. When the list is in package main (in the call or in a " +
		"variable), a suggested fix (`sigtermlint -fix ./...`) adds it next to SIGINT, or puts it in place of " +
		"`os.Kill`.",
	Details: ruledoc.Paras(
		"The fix uses `unix.SIGTERM` when the file imports `golang.org/x/sys/unix` rather than `syscall`, and "+
			"adds the import when neither is there.",
		"A list that holds `os.Kill` (or `syscall.SIGKILL`, `unix.SIGKILL`) without SIGTERM meant SIGTERM: "+
			"SIGKILL cannot be caught. The finding says so in its related information (`os.Kill is SIGKILL, which "+
			"cannot be caught: SIGTERM was probably meant here`), and the fix replaces `os.Kill` by "+
			"`syscall.SIGTERM` in that list instead of adding SIGTERM next to SIGINT (it drops the import of "+
			"`os` when `os.Kill` was its only use).",
		"A program whose deployments all stop it with SIGINT is right to handle only SIGINT: see "+
			"[stop-signal](#stop-signal).",
	),
	Since: ruledoc.V010,
	Links: []ruledoc.Link{
		{Title: "bosnet/sebak#190: docker stop does nothing, the container is killed after 10s", URL: "https://github.com/bosnet/sebak/issues/190"},
		ruledoc.LinkDockerStop,
	},
}

// sigintOnly is the finding of a server whose program handles SIGINT
// but not SIGTERM. Its fix adds SIGTERM next to SIGINT, or puts it in
// place of os.Kill.
func sigintOnly(pass *analysis.Pass, prog *reach.Program, site reach.ServeSite) analysis.Diagnostic {
	return analysis.Diagnostic{
		Pos: site.Pos, End: site.End, Category: ruledoc.SIGINTOnly,
		Message:        fmt.Sprintf("server started via %s handles SIGINT, not SIGTERM: deploys cut off its in-flight requests", site.Via),
		Related:        append(related(prog, reach.SigINT, "only SIGINT is handled here"), killRelated(prog)...),
		SuggestedFixes: addSIGTERM(pass, prog),
	}
}
