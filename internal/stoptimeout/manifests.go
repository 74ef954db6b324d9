package stoptimeout

import (
	"fmt"
	"go/token"
	"path/filepath"
	"time"

	"github.com/sigtermlint/sigtermlint/internal/deploy"
	"github.com/sigtermlint/sigtermlint/internal/filepos"
)

// FromManifests picks the stop timeout of program bin (its main package's
// import path's last element) from the deployment files of set, read below root.
//
// The containers that apply are deploy's Set.Applying: those whose
// command, args, image, name or workload names bin, else (none naming it,
// no template skipped) all that may be its deployment. Kubernetes' budget
// is terminationGracePeriodSeconds minus the preStop sleep. When one
// container applies, its budget is the timeout; when several do, the
// smallest, and the source says which and why. False when no file gives
// a timeout.
func FromManifests(set *deploy.Set, root, bin string) (Timeout, bool) {
	if set == nil {
		return Timeout{}, false
	}
	candidates, named := set.Applying(bin)
	how := ""
	switch {
	case named && len(candidates) > 1:
		how = fmt.Sprintf("the smallest of %d deployments of %s", len(candidates), bin)
	case !named && len(candidates) > 1:
		how = fmt.Sprintf("the smallest of %d deployments, none naming %s", len(candidates), bin)
	case !named:
		how = fmt.Sprintf("the only deployment, which does not name %s", bin)
	}
	var best *deploy.Container
	for i := range candidates {
		if best == nil || budget(candidates[i]) < budget(*best) {
			best = &candidates[i]
		}
	}
	if best == nil {
		return Timeout{}, false
	}
	src := describe(*best)
	if how != "" {
		src += "; " + how
	}
	at := best.StopTimeout.Source
	t := Timeout{
		D:        budget(*best),
		Source:   src,
		Manifest: &Position{File: filepath.Join(root, filepath.FromSlash(at.File)), Line: at.Line, Message: describe(*best)},
		Origin:   OriginManifest,
		Setting:  setting(*best),
	}
	if how != "" {
		t.Setting += "; " + how
	}
	if p := best.PreStop; p != nil {
		t.Grace = best.StopTimeout.D
		t.PreStop = &PreStop{D: p.D, At: Position{File: filepath.Join(root, filepath.FromSlash(p.Source.File)), Line: p.Source.Line,
			Message: fmt.Sprintf("preStop sleep %s", deploy.Seconds(p.D))}}
	}
	return t, true
}

// budget is the time the program has between SIGTERM and SIGKILL.
func budget(c deploy.Container) time.Duration {
	d := c.StopTimeout.D
	if c.PreStop != nil {
		d -= c.PreStop.D
	}
	if d < 0 {
		d = 0
	}
	return d
}

// describe says where a container's budget comes from.
func describe(c deploy.Container) string {
	what := setting(c) + " at " + c.StopTimeout.Source.String()
	if c.PreStop != nil {
		what += fmt.Sprintf(" minus preStop sleep %s at %s", deploy.Seconds(c.PreStop.D), c.PreStop.Source)
	}
	return what
}

// setting names a container's grace period setting and value:
// "terminationGracePeriodSeconds 30s", "stop_grace_period 10s (compose's default)".
func setting(c deploy.Container) string {
	d := deploy.Seconds(c.StopTimeout.D)
	var what string
	switch c.Kind {
	case deploy.KindKubernetes:
		switch {
		case c.Object == "Service" || c.Object == "Configuration": // Knative
			what = "timeoutSeconds " + d
			if c.StopTimeout.Default {
				what = "timeoutSeconds " + d + " (Knative's default)"
			}
		case c.StopTimeout.Default:
			what = "terminationGracePeriodSeconds " + d + " (Kubernetes' default)"
		default:
			what = "terminationGracePeriodSeconds " + d
		}
	case deploy.KindECS:
		what = "stopTimeout " + d
		if c.StopTimeout.Default {
			what = "stop timeout " + d + " (no stopTimeout: the agent's or ECS's default)"
		}
	case deploy.KindCompose:
		what = "stop_grace_period " + d
		if c.StopTimeout.Default {
			what = "stop_grace_period " + d + " (compose's default)"
		}
	case deploy.KindFly:
		what = "kill_timeout " + d
	default:
		what = d
	}
	return what
}

// Pos returns the position of p in fset.
func (p *Position) Pos(fset *token.FileSet) (token.Pos, bool) {
	return filepos.Pos(fset, p.File, p.Line)
}
