package sigterm

import (
	"fmt"
	"go/ast"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/config"
	"github.com/sigtermlint/sigtermlint/internal/deploy"
	"github.com/sigtermlint/sigtermlint/internal/filepos"
	"github.com/sigtermlint/sigtermlint/internal/ignore"
	"github.com/sigtermlint/sigtermlint/internal/reach"
)

// stopSignal is a stop signal a deployment file sets for the program.
type stopSignal struct {
	name string // SIGQUIT
	what string // "STOPSIGNAL at Dockerfile:12"
	file string // absolute
	line int
}

// declaredStopSignals returns the stop signals that the deployment files
// naming the program set: a container's lifecycle.stopSignal or compose
// stop_signal, and the STOPSIGNAL of a Dockerfile whose CMD or ENTRYPOINT
// runs it.
func declaredStopSignals(pass *analysis.Pass, cfg *config.Config) []stopSignal {
	set, root := cfg.LoadManifests(pass)
	if set == nil {
		return nil
	}
	bin := config.ProgramName(pass)
	var out []stopSignal
	add := func(sig *deploy.Signal, what string) {
		out = append(out, stopSignal{name: sig.Name, what: what + " at " + sig.Source.String(),
			file: filepath.Join(root, filepath.FromSlash(sig.File)), line: sig.Line})
	}
	for _, c := range set.Containers {
		if c.StopSignal != nil && c.Runs(bin) {
			what := "stop_signal"
			if c.Kind == deploy.KindKubernetes {
				what = "lifecycle.stopSignal"
			} else if c.Kind == deploy.KindFly {
				what = "kill_signal"
			}
			add(c.StopSignal, what)
		}
	}
	for _, d := range set.Dockerfiles {
		if d.StopSignal != nil && d.Runs(bin) {
			add(d.StopSignal, "STOPSIGNAL")
		}
	}
	return out
}

var signalBits = map[string]reach.Bits{"SIGTERM": reach.SigTERM, "SIGINT": reach.SigINT, "SIGQUIT": reach.SigQUIT}

// checkStopSignal reports, at func main, a stop signal set by a deployment
// of the program that it does not handle while it handles others.
func checkStopSignal(pass *analysis.Pass, r *ignore.Reporter, prog *reach.Program, mainDecl *ast.FuncDecl, sigs []stopSignal) {
	handled := prog.Bits & (reach.SigTERM | reach.SigINT | reach.SigQUIT)
	if handled == 0 || prog.Bits&reach.SigUnknown != 0 {
		return // nothing handled is no-sigterm's business; unknown lists say nothing
	}
	for _, s := range sigs {
		bit, known := signalBits[s.name]
		if !known || handled&bit != 0 {
			continue // a signal we do not track, or one it handles
		}
		d := analysis.Diagnostic{
			Pos: mainDecl.Name.Pos(), End: mainDecl.Name.End(), Category: CategoryStopSignal,
			Message: fmt.Sprintf("the deployment stops this program with %s (%s), which it does not handle (it handles %s): the Go runtime exits at once on %s and cuts off its in-flight requests",
				s.name, s.what, handledNames(handled), s.name),
		}
		if pos, ok := filepos.Pos(pass.Fset, s.file, s.line); ok {
			d.Related = []analysis.RelatedInformation{{Pos: pos, End: pos, Message: "the stop signal is set here"}}
		}
		r.Report(d)
		return // one report per program
	}
}

func handledNames(b reach.Bits) string {
	var names []string
	for _, n := range []string{"SIGTERM", "SIGINT", "SIGQUIT"} {
		if b&signalBits[n] != 0 {
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}

// stopsWithSIGINTOnly reports whether the program's deployments all stop
// it with SIGINT: then handling only SIGINT is right.
func stopsWithSIGINTOnly(sigs []stopSignal) bool {
	if len(sigs) == 0 {
		return false
	}
	for _, s := range sigs {
		if s.name != "SIGINT" {
			return false
		}
	}
	return true
}
