package sigterm

import (
	"fmt"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/config"
	"github.com/sigtermlint/sigtermlint/internal/deploy"
	"github.com/sigtermlint/sigtermlint/internal/filepos"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
)

// On ECS (and AWS Copilot) the load balancer drains a task before it is
// sent SIGTERM: a program that dies at once on SIGTERM has already seen
// the requests the load balancer sent it finish, up to the delay. What
// it still cuts is what bypasses the load balancer (service-to-service
// calls, Service Connect) and what outlasts the delay. The signal-side
// findings say so for programs whose every drain is such.

// drainedFirst returns the shortest drain in front of the program when
// every drain the deployment files put there is known and runs before the
// stop signal; false otherwise (none, one on Kubernetes, one unresolved).
func drainedFirst(pass *analysis.Pass, cfg *config.Config) (deploy.Drain, string, bool) {
	set, root := cfg.LoadManifests(pass)
	if set == nil || len(set.Drains) == 0 {
		return deploy.Drain{}, "", false
	}
	drains := set.DrainsOf(set.BinaryNames(config.Program(pass, root)))
	for _, d := range drains {
		if !d.BeforeStop {
			return deploy.Drain{}, "", false
		}
	}
	first, ok := deploy.Shortest(drains, true)
	return first, root, ok
}

// afterDrain rewrites what a signal-side finding says happens for a
// program the load balancer drains before SIGTERM, and points at the
// delay's line.
func afterDrain(pass *analysis.Pass, d *analysis.Diagnostic, drain deploy.Drain, root string) {
	i := strings.LastIndex(d.Message, ": ")
	if i < 0 {
		return
	}
	how := "it exits at once"
	if d.Category == ruledoc.NoShutdown {
		how = "it stops without draining"
	}
	d.Message = d.Message[:i] + fmt.Sprintf(": %s, after the load balancer's %s drain (%s), so deploys cut off the requests that bypass the load balancer or outlast its drain",
		how, deploy.Seconds(drain.Delay.D), drain.What())
	if pos, ok := filepos.Pos(pass.Fset, filepath.Join(root, filepath.FromSlash(drain.Delay.File)), drain.Delay.Line); ok {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: pos, Message: "the load balancer drains the task before SIGTERM"})
	}
}
