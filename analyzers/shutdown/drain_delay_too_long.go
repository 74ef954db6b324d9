package shutdown

import (
	"fmt"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/deploy"
	"github.com/sigtermlint/sigtermlint/internal/durations"
	"github.com/sigtermlint/sigtermlint/internal/reach"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
)

// drainDelayTooLongRule documents drain-delay-too-long.
var drainDelayTooLongRule = ruledoc.Rule{
	Category:   ruledoc.DrainDelayTooLong,
	Analyzer:   "shutdown",
	Title:      "The load balancer waits far longer than any request of the server can run.",
	When:       "every request is bounded and the deregistration delay is over twice the longest and at least 30s longer",
	Production: "keep-alive clients hold each task until the delay ends: every deploy waits it out per task (300s by default on AWS) for nothing",
	Bad: ruledoc.Example{
		Note: "every request ends within 10s, and the target group keeps the default 300s.",
		Snippets: []ruledoc.Snippet{
			ruledoc.GoCode(`
srv := &http.Server{Addr: ":8080", Handler: mux, WriteTimeout: 10 * time.Second}
go srv.ListenAndServe()
`),
			{Lang: "hcl", Code: `
resource "aws_lb_target_group" "api" {
  port     = 8080
  protocol = "HTTP"
  vpc_id   = var.vpc_id
}
`},
		},
	},
	Good: ruledoc.Example{
		Note: "the delay the requests need, and no more.",
		Snippets: []ruledoc.Snippet{{Lang: "hcl", Code: `
resource "aws_lb_target_group" "api" {
  port                 = 8080
  protocol             = "HTTP"
  vpc_id               = var.vpc_id
  deregistration_delay = 10
}
`}},
	},
	Fix: "Set the deregistration delay to the longest request the server allows, rounded up, and at least 5s " +
		"(the message gives the value): the seed's advice for services whose requests are short.",
	Details: ruledoc.Paras(
		"Reported only when every request is known to end: the server has a `WriteTimeout` or an " +
			"`http.TimeoutHandler` around its whole handler, resolved to a constant, no handler hijacks its " +
			"connection or streams, and every handler was followed (for `WriteTimeout`). With several deployments " +
			"(overlays, environments) the shortest delay is judged, and all must be known. The delay is read as " +
			"for `drain-delay-too-short`; reported at the serve call in package main, with the delay's line as " +
			"related information.",
	),
	Since: ruledoc.V010,
	Links: []ruledoc.Link{
		{Title: "Target group deregistration delay", URL: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html#deregistration-delay"},
	},
}

// drainTooLong reports a serve call whose requests all end long before
// the drain in front of it does.
func (c *checker) drainTooLong(site reach.ServeSite, srv served, lb *loadBalancers) (analysis.Diagnostic, bool) {
	longest := srv.longest
	if !longest.Bounded || !longest.Known || longest.D <= 0 || srv.hijacks || srv.streams {
		return analysis.Diagnostic{}, false
	}
	if !srv.complete && !srv.timeoutHandler {
		return analysis.Diagnostic{}, false // a handler not followed may hijack, which WriteTimeout does not bound
	}
	d, ok := deploy.Shortest(lb.drains, true)
	if !ok || d.Delay.D <= 2*longest.D || d.Delay.D < longest.D+30*time.Second {
		return analysis.Diagnostic{}, false
	}
	want := suggestedDelay(longest.D)
	msg := fmt.Sprintf("every request ends within %s (%s) but the load balancer drains each task for %s (%s): every deploy waits that out per task for nothing; %s is enough",
		durations.Format(longest.D), longest.By, deploy.Seconds(d.Delay.D), d.What(), deploy.Seconds(want))
	diag := analysis.Diagnostic{Pos: site.Pos, End: site.End, Category: ruledoc.DrainDelayTooLong, Message: msg}
	if longest.Pos.IsValid() {
		diag.Related = append(diag.Related, analysis.RelatedInformation{Pos: longest.Pos, Message: fmt.Sprintf("every request ends within %s (%s)", durations.Format(longest.D), longest.By)})
	}
	if ri, ok := c.manifestInfo(lb.root, d.Delay.Source, drainNote(d)); ok {
		diag.Related = append(diag.Related, ri)
	}
	return diag, true
}
