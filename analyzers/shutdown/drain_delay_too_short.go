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

// drainDelayTooShortRule documents drain-delay-too-short.
var drainDelayTooShortRule = ruledoc.Rule{
	Category:   ruledoc.DrainDelayTooShort,
	Analyzer:   "shutdown",
	Title:      "The load balancer stops waiting before the server's requests can end.",
	When:       "the deregistration delay is shorter than the longest request the server allows, or under 60s with long-lived requests",
	Production: "the load balancer cuts the requests still running when the delay ends: uploads, streams and websockets break on every deploy",
	Bad: ruledoc.Example{
		Note: "requests may run a minute, the target group waits 5s for them.",
		Snippets: []ruledoc.Snippet{
			ruledoc.GoCode(`
srv := &http.Server{Addr: ":8080", Handler: mux, WriteTimeout: 60 * time.Second}
go srv.ListenAndServe()
`),
			{Lang: "hcl", Code: `
resource "aws_lb_target_group" "api" {
  port                 = 8080
  protocol             = "HTTP"
  vpc_id               = var.vpc_id
  deregistration_delay = 5
}
`},
		},
	},
	Good: ruledoc.Example{
		Note: "a delay at least as long as the longest request.",
		Snippets: []ruledoc.Snippet{{Lang: "hcl", Code: `
resource "aws_lb_target_group" "api" {
  port                 = 8080
  protocol             = "HTTP"
  vpc_id               = var.vpc_id
  deregistration_delay = 60
}
`}},
	},
	Fix: "Raise the deregistration delay to the longest request the server allows (its `WriteTimeout` or " +
		"`http.TimeoutHandler`), or bound the requests below the delay. The seed's 5s is for services whose " +
		"requests take under a second, never for long-lived ones.",
	Details: ruledoc.Paras(
		"The delay is read from the deployment files that run the program: Terraform `aws_lb_target_group` / "+
			"`aws_alb_target_group` `deregistration_delay` (and a classic `aws_elb`'s connection draining) linked "+
			"through an `aws_ecs_service`'s `load_balancer` to its task definition's container; CloudFormation "+
			"`TargetGroupAttributes` `deregistration_delay.timeout_seconds` through `AWS::ECS::Service` "+
			"`LoadBalancers`; the AWS Load Balancer Controller's `target-group-attributes` annotations on an "+
			"Ingress and the Service it routes to; GKE's BackendConfig `connectionDraining.drainingTimeoutSec`; "+
			"Copilot's `http.deregistration_delay`. An unset delay is the platform's default (300s on AWS, 60s "+
			"under Copilot, none on GKE), and the message says so. A variable without a default or an unrendered "+
			"template is unknown: nothing is said.",
		"The longest request is the server's `http.TimeoutHandler` around its whole handler, else its "+
			"`WriteTimeout`. A server with neither is reported only when it serves long-lived requests (hijacked "+
			"connections, streams, large uploads) and the delay is under 60s. Reported at the serve call in "+
			"package main, with the delay's line as related information. A server built and served in another "+
			"package is followed when a function there serves that one server (a `Run` that calls "+
			"`srv.ListenAndServe`); servers of frameworks sigtermlint does not know, and functions that serve "+
			"several servers, are not.",
	),
	Since: ruledoc.V010,
	Links: []ruledoc.Link{
		{Title: "Target group deregistration delay", URL: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html#deregistration-delay"},
	},
}

// longLivedDrainFloor is the delay under which a server with long-lived
// requests and no bound on them is reported: the seed's "never 5s with
// long-lived requests", with room for streams that reconnect.
const longLivedDrainFloor = 60 * time.Second

// drainTooShort reports a serve call whose server allows requests longer
// than the shortest drain in front of it.
func (c *checker) drainTooShort(site reach.ServeSite, srv served, lb *loadBalancers) (analysis.Diagnostic, bool) {
	d, ok := deploy.Shortest(lb.drains, false)
	if !ok {
		return analysis.Diagnostic{}, false
	}
	longest := srv.longest
	var msg string
	var why *analysis.RelatedInformation
	switch {
	case longest.Bounded:
		if !longest.Known || longest.D <= d.Delay.D {
			return analysis.Diagnostic{}, false
		}
		msg = fmt.Sprintf("the load balancer drains this server for %s (%s) but its %s lets requests run %s: requests still running when the drain ends are cut on every deploy",
			deploy.Seconds(d.Delay.D), d.What(), longest.By, durations.Format(longest.D))
		if longest.Pos.IsValid() {
			why = &analysis.RelatedInformation{Pos: longest.Pos, Message: fmt.Sprintf("requests may run %s (%s)", durations.Format(longest.D), longest.By)}
		}
	default:
		if srv.longLived == "" || d.Delay.D >= longLivedDrainFloor {
			return analysis.Diagnostic{}, false
		}
		msg = fmt.Sprintf("the load balancer drains this server for only %s (%s) but it serves %s that nothing bounds: they are cut on every deploy",
			deploy.Seconds(d.Delay.D), d.What(), srv.longLived)
		why = srv.longLivedAt
	}
	diag := analysis.Diagnostic{Pos: site.Pos, End: site.End, Category: ruledoc.DrainDelayTooShort, Message: msg}
	if why != nil && why.Pos.IsValid() {
		diag.Related = append(diag.Related, *why)
	}
	if ri, ok := c.manifestInfo(lb.root, d.Delay.Source, drainNote(d)); ok {
		diag.Related = append(diag.Related, ri)
	}
	return diag, true
}
