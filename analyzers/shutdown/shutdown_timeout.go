package shutdown

import (
	"fmt"
	"go/token"
	"time"

	"github.com/sigtermlint/sigtermlint/internal/durations"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
	"golang.org/x/tools/go/analysis"
)

// shutdownTimeoutRule documents shutdown-timeout.
var shutdownTimeoutRule = ruledoc.Rule{
	Category:   ruledoc.ShutdownTimeout,
	Analyzer:   "shutdown",
	Title:      "The shutdown outlasts the stop timeout.",
	When:       "sleeps plus Shutdown deadlines reach the stop timeout",
	Production: "SIGKILL arrives before the drain ends",
	Bad: ruledoc.Example{
		Note: "the stop timeout is the budget for everything between SIGTERM and exit; here it is Kubernetes' " +
			"or ECS's default 30s.",
		Snippets: []ruledoc.Snippet{ruledoc.GoCode(`
<-ctx.Done()
time.Sleep(5 * time.Second) // wait for the load balancer
shutdownCtx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
srv.Shutdown(shutdownCtx) // 35s in all: SIGKILL comes first
`)},
	},
	Good: ruledoc.Example{
		Note: "keep the sum under the stop timeout, with room to exit.",
		Snippets: []ruledoc.Snippet{ruledoc.GoCode(`
time.Sleep(5 * time.Second)
shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
`)},
	},
	Fix: "Keep the sleeps and Shutdown deadlines together under the stop timeout, with room to exit: shorten " +
		"them, or give the program a longer stop timeout (`terminationGracePeriodSeconds`, ECS `stopTimeout`, " +
		"compose `stop_grace_period`, fly.io `kill_timeout`) and tell sigtermlint (the manifests, " +
		"`-sigtermlint.stop-timeout` or `//sigtermlint:stop-timeout`).",
	Details: ruledoc.Paras(
		"The budget counts `time.Sleep` calls on the way from the signal to Shutdown in the same function, the "+
			"Shutdown deadline, and the deadlines of earlier Shutdown calls that ran to completion before this "+
			"one's deadline was set (calls that share one deadline count it once). Durations resolve from "+
			"constants and constant expressions (also from other packages), variables set once from a "+
			"constant, and the defaults of `flag.Duration` / `flag.DurationVar`; anything else makes the rule "+
			"say nothing. A grpc `GracefulStop()` counts the time after which a `Stop()` cuts it; an fx "+
			"OnStop hook's deadline counts up to fx's `StopTimeout`, where fx stops waiting for it.",
		"Where the stop timeout comes from: see [The stop timeout](configuration.md#the-stop-timeout).",
	),
	Since: ruledoc.V010,
	Links: []ruledoc.Link{
		{Title: "trefeon/freebuff-proxy#300: sequential 10s and 20s deadlines against compose's 20s stop_grace_period", URL: "https://github.com/trefeon/freebuff-proxy/issues/300"},
		{Title: "goiabada #390: a 15s HTTP deadline plus a worker deadline exceed every runtime's grace period", URL: ""},
		{Title: "spring-projects/spring-boot#26469: a 30s timeout plus a 10s preStop over a 30s grace period", URL: "https://github.com/spring-projects/spring-boot/issues/26469"},
		ruledoc.LinkK8sStop,
	},
}

// reportTimeout reports shutdown-timeout at pos: the drain may take d,
// at least the stop timeout. why, the waits that add up to d or what sets
// it, is related information, with the manifest line of the stop
// timeout.
func (c *checker) reportTimeout(pos, end token.Pos, d time.Duration, why []analysis.RelatedInformation) {
	diag := analysis.Diagnostic{
		Pos: pos, End: end, Category: ruledoc.ShutdownTimeout,
		Message: fmt.Sprintf("shutdown may take %s but the stop timeout is %s%s: SIGKILL cuts the drain short",
			durations.Format(d), durations.Format(c.timeout.D), c.timeoutSource()),
		Related: why,
	}
	if m := c.timeout.Manifest; m != nil {
		if at, ok := m.Pos(c.pass.Fset); ok {
			diag.Related = append(diag.Related, analysis.RelatedInformation{Pos: at, End: at, Message: "the stop timeout: " + m.Message})
		}
	}
	c.report.Report(diag)
}

// because is related information that says, at the finding itself, why
// the drain takes so long.
func because(pos, end token.Pos, why string) []analysis.RelatedInformation {
	return []analysis.RelatedInformation{{Pos: pos, End: end, Message: why}}
}

// timeoutSource says where a non-default stop timeout came from.
func (c *checker) timeoutSource() string {
	if c.timeout.Source == "the default" {
		return ""
	}
	return " (" + c.timeout.Source + ")"
}

// checkTimeout reports shutdown-timeout at a stop whose drain, counted
// from the signal (b), may last the stop timeout or longer; it reports
// whether it did. An fx OnStop hook is cut at fx's StopTimeout.
func (c *checker) checkTimeout(s *scope, stop *stopCall, b *budget) bool {
	total := b.total
	var why []analysis.RelatedInformation
	for _, st := range b.steps {
		why = append(why, analysis.RelatedInformation{Pos: st.Pos, End: st.End, Message: st.What})
	}
	if limit, ok := c.hookCaps[s]; ok && limit < total {
		// An fx OnStop hook: fx stops waiting for it there.
		total = limit
		why = append(why, because(stop.call.Pos(), stop.call.End(), "cut at fx's StopTimeout "+durations.Format(limit))...)
	}
	if b.why != "" || total < c.timeout.D {
		return false
	}
	c.reportTimeout(stop.call.Pos(), stop.call.End(), total, why)
	return true
}
