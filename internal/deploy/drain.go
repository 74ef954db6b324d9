package deploy

import (
	"fmt"
	"time"
)

// Load balancer defaults, applied (and marked Default) when a file leaves
// the draining time unset.
const (
	// AWSDefaultDeregistrationDelay is deregistration_delay.timeout_seconds
	// of an ALB or NLB target group (Terraform, CloudFormation and the AWS
	// Load Balancer Controller alike).
	AWSDefaultDeregistrationDelay = 300 * time.Second
	// CopilotDefaultDeregistrationDelay is http.deregistration_delay of
	// an AWS Copilot Load Balanced Web Service.
	CopilotDefaultDeregistrationDelay = 60 * time.Second
	// ELBDefaultDrainingTimeout is a classic ELB's
	// connection_draining_timeout when connection_draining is on.
	ELBDefaultDrainingTimeout = 300 * time.Second
	// GKEDefaultDrainingTimeout is a BackendConfig's
	// connectionDraining.drainingTimeoutSec when unset: draining is off.
	GKEDefaultDrainingTimeout = 0
)

// Drain is a load balancer's connection draining in front of containers:
// how long, once it stops routing new requests to a target, it lets the
// target's in-flight requests and keep-alive connections run before it
// cuts them.
type Drain struct {
	// LB names the object that sets it, as its file names it:
	// "aws_lb_target_group.api", "TargetGroup ApiTargetGroup",
	// "Ingress web", "Service api", "BackendConfig api",
	// "copilot service api".
	LB string
	// Setting is the setting the time is written in, as the file spells
	// it: "deregistration_delay", "deregistration_delay.timeout_seconds",
	// "connectionDraining.drainingTimeoutSec", "http.deregistration_delay",
	// "connection_draining_timeout".
	Setting string
	// Delay is the draining time. Default marks a time the file does not
	// write (the platform's default applies); Source is then the load
	// balancer object's line.
	Delay Duration
	// Unknown: the value is a variable, a reference or a template that is
	// not resolved here; nothing that depends on it may be said.
	Unknown bool
	// BeforeStop: the orchestrator waits for the drain before it sends
	// the stop signal (ECS, Copilot); false when the drain runs beside
	// the stop (Kubernetes: the endpoints are removed while the pod gets
	// its preStop hook and SIGTERM).
	BeforeStop bool
	// Targets are the containers it routes to, as the files declare them
	// (a task definition's container, a workload's containers).
	Targets []Container
	// Build is the Dockerfile (relative to the set's root, like
	// Source.File) that builds the image the targets run, when the file
	// names one (Copilot's image.build); "" otherwise.
	Build string
	// Bound marks a drain read from a file a //sigtermlint:manifest
	// declaration names: it applies to the program.
	Bound bool
}

// What says the drain's time and where it comes from, for messages:
// "deregistration_delay 5s at infra/alb.tf:12",
// "the default 300s: Ingress web at k8s/ingress.yaml:4 sets no deregistration_delay.timeout_seconds".
func (d Drain) What() string {
	if d.Delay.Default {
		return fmt.Sprintf("the default %s: %s at %s sets no %s", Seconds(d.Delay.D), d.LB, d.Delay.Source, d.Setting)
	}
	return fmt.Sprintf("%s %s at %s", d.Setting, Seconds(d.Delay.D), d.Delay.Source)
}

// Seconds prints a duration the way manifests write it: 300s, not 5m0s.
func Seconds(d time.Duration) string {
	if d%time.Second == 0 {
		return fmt.Sprintf("%ds", d/time.Second)
	}
	return d.String()
}

// Shortest returns the drain with the smallest delay, the one that cuts
// soonest when several deployments (overlays, environments) put one in
// front of a program. Unknown drains are skipped, or, with allKnown, make
// the answer false: a value not read may be the shortest.
func Shortest(drains []Drain, allKnown bool) (Drain, bool) {
	var best Drain
	found := false
	for _, d := range drains {
		switch {
		case d.Unknown && allKnown:
			return Drain{}, false
		case d.Unknown:
		case !found || d.Delay.D < best.Delay.D:
			best, found = d, true
		}
	}
	return best, found
}

// Route is a Kubernetes Service that a load balancer or an Ingress sends
// requests to, with the workloads its selector matches: when a pod of
// one stops, its endpoints are removed while it gets SIGTERM.
type Route struct {
	// Via says how requests come: "Service api (type LoadBalancer)",
	// "Ingress web -> Service api".
	Via string
	Source
	Targets []Container
}

// DrainsOf returns the drains in front of the program whose binary has
// the given names (deploy's BinaryNames): a target runs it (Container.Runs
// under any name), the Dockerfile the drain's image is built from runs
// it, or a declaration binds the drain's file to it.
func (s *Set) DrainsOf(names []string) []Drain {
	if s == nil {
		return nil
	}
	var out []Drain
	for _, d := range s.Drains {
		if d.Bound || d.runs(s, names) {
			out = append(out, d)
		}
	}
	return out
}

func (d Drain) runs(s *Set, names []string) bool {
	for _, c := range d.Targets {
		for _, n := range names {
			if c.Runs(n) {
				return true
			}
		}
	}
	if d.Build != "" {
		for _, df := range s.Dockerfiles {
			if df.File == d.Build && df.Runs(names...) {
				return true
			}
		}
	}
	return false
}

// RoutesOf returns the Kubernetes routes to the workloads that run the
// program (as DrainsOf tells), each with only those workloads' containers
// as Targets.
func (s *Set) RoutesOf(names []string) []Route {
	if s == nil {
		return nil
	}
	var out []Route
	for _, rt := range s.Routes {
		var runs []Container
		for _, c := range rt.Targets {
			if c.Bound || runsAny(c, names) {
				runs = append(runs, c)
			}
		}
		if len(runs) > 0 {
			rt.Targets = runs
			out = append(out, rt)
		}
	}
	return out
}

func runsAny(c Container, names []string) bool {
	for _, n := range names {
		if c.Runs(n) {
			return true
		}
	}
	return false
}
