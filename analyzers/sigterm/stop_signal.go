package sigterm

import (
	"fmt"
	"go/ast"
	"path"
	"path/filepath"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/config"
	"github.com/sigtermlint/sigtermlint/internal/deploy"
	"github.com/sigtermlint/sigtermlint/internal/directive"
	"github.com/sigtermlint/sigtermlint/internal/filepos"
	"github.com/sigtermlint/sigtermlint/internal/reach"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
)

// stopSignal is a stop signal a deployment file, or the platform preset,
// sets for the program.
type stopSignal struct {
	name    string // SIGQUIT
	what    string // "STOPSIGNAL at Dockerfile:12", "-sigtermlint.platform=fly default"
	file    string // absolute; "" for the platform preset
	line    int
	related string // the Related message at file:line
}

// declaredStopSignals returns the stop signals the program's deployments
// stop it with: the signal set for each container that runs it
// (lifecycle.stopSignal, compose stop_signal, fly kill_signal), or, when
// none runs it, for the only deployment there is when it is a fly app
// (the rule that picks the stop timeout, deploy's Set.Only); for a fly app that sets no
// kill_signal, fly's default SIGINT; and the STOPSIGNAL of a Dockerfile
// whose CMD or ENTRYPOINT runs it under any of its binary names. When none of these says how the
// program is stopped, the -sigtermlint.platform preset's signal, unless
// it is SIGTERM, the signal the other rules assume.
//
// defaults are, for -explain only, the platform defaults of the
// containers that run the program and set no signal (Kubernetes sends
// SIGTERM), when no Dockerfile that runs it sets STOPSIGNAL: the rules
// assume SIGTERM anyway and never read them.
func declaredStopSignals(pass *analysis.Pass, cfg *config.Config) (sigs, defaults []stopSignal) {
	out, deployed, defaults := manifestStopSignals(pass, cfg)
	if p := cfg.Platform; !deployed && p != nil && p.Signal != "SIGTERM" {
		out = append(out, stopSignal{name: p.Signal, what: fmt.Sprintf("-sigtermlint.platform=%s default", p.Name)})
	}
	return out, defaults
}

// manifestStopSignals returns the stop signals the deployment files set
// for the program, and whether they say how it is stopped: a container
// runs it (it sends its platform's signal, set or not), or a Dockerfile
// that runs it sets STOPSIGNAL. Then the platform preset does not apply.
func manifestStopSignals(pass *analysis.Pass, cfg *config.Config) (out []stopSignal, deployed bool, defaults []stopSignal) {
	set, root := cfg.LoadManifests(pass)
	if set == nil {
		return nil, false, nil
	}
	bin := config.ProgramName(pass)
	add := func(name string, at deploy.Source, what, related string) {
		out = append(out, stopSignal{name: name, what: what, related: related,
			file: filepath.Join(root, filepath.FromSlash(at.File)), line: at.Line})
	}
	var runs []deploy.Container
	for _, c := range set.Containers {
		if c.Runs(bin) {
			runs = append(runs, c)
		}
	}
	how := ""
	if len(runs) == 0 {
		// Only a fly app is taken without naming the program, and only
		// a fly.toml at the module root (or one given with -manifests):
		// that one deploys the repository's app, and app names rarely
		// match binaries, while one in example/ may deploy a demo of
		// something else (jpillora/chisel: example/fly.toml with
		// kill_signal SIGINT, the real image stopped with SIGTERM).
		// Another platform's lone container may run anything (a
		// database, a sidecar): its signal is not the program's.
		if c, ok := set.Only(bin); ok && c.Kind == deploy.KindFly && (root == "" || path.Dir(c.File) == ".") {
			runs, how = []deploy.Container{c}, "; the only deployment, which does not name "+bin
		}
	}
	for _, c := range runs {
		switch {
		case c.StopSignal != nil:
			what := "stop_signal"
			if c.Kind == deploy.KindKubernetes {
				what = "lifecycle.stopSignal"
			} else if c.Kind == deploy.KindFly {
				what = "kill_signal"
			}
			add(c.StopSignal.Name, c.StopSignal.Source, what+" at "+c.StopSignal.Source.String()+how, "the stop signal is set here")
		case c.Kind == deploy.KindFly:
			sig := deploy.DefaultSignal(deploy.KindFly)
			add(sig, c.Source, "no kill_signal in "+c.Source.String()+", so fly's default"+how,
				"this fly.toml sets no kill_signal: fly stops the app with "+sig)
		}
	}
	names := set.BinaryNames(config.Program(pass, root))
	imageSignal := false
	for _, d := range set.Dockerfiles {
		if d.StopSignal != nil && d.Runs(names...) {
			imageSignal = true
			add(d.StopSignal.Name, d.StopSignal.Source, "STOPSIGNAL at "+d.StopSignal.Source.String(), "the stop signal is set here")
		}
	}
	if !imageSignal {
		defaults = defaultStopSignals(runs, root)
	}
	return out, len(runs) > 0 || len(out) > 0, defaults
}

// defaultStopSignals returns, once per signal, the signal the platform
// sends to each container that sets none, naming the setting it lacks.
func defaultStopSignals(runs []deploy.Container, root string) []stopSignal {
	var out []stopSignal
	seen := map[string]bool{}
	for _, c := range runs {
		if c.StopSignal != nil || c.Kind == deploy.KindFly { // fly's default is one of the declared signals
			continue
		}
		sig := deploy.DefaultSignal(c.Kind)
		if seen[sig] {
			continue
		}
		seen[sig] = true
		platform, setting := "the platform's", "stop signal"
		switch c.Kind {
		case deploy.KindKubernetes:
			platform, setting = "Kubernetes'", "lifecycle.stopSignal"
		case deploy.KindCompose:
			platform, setting = "compose's", "stop_signal"
		case deploy.KindECS:
			platform, setting = "ECS's", "STOPSIGNAL in its image"
		}
		out = append(out, stopSignal{name: sig,
			what: fmt.Sprintf("%s default: %s sets no %s", platform, c.Source.String(), setting),
			file: filepath.Join(root, filepath.FromSlash(c.Source.File)), line: c.Source.Line})
	}
	return out
}

// checkStopSignal reports, at func main, a stop signal set by a deployment
// of the program that it does not handle while it handles others.
func checkStopSignal(pass *analysis.Pass, r *directive.Reporter, prog *reach.Program, mainDecl *ast.FuncDecl, sigs []stopSignal) {
	handled := prog.Bits & (reach.SigTERM | reach.SigINT | reach.SigQUIT)
	if handled == 0 || prog.Bits&reach.SigUnknown != 0 {
		return // nothing handled is no-sigterm's business; unknown lists say nothing
	}
	for _, s := range sigs {
		bit, known := reach.SignalBit(s.name)
		if !known || handled&bit != 0 {
			continue // a signal we do not track, or one it handles
		}
		d := analysis.Diagnostic{
			Pos: mainDecl.Name.Pos(), End: mainDecl.Name.End(), Category: ruledoc.StopSignal,
			Message: fmt.Sprintf("the deployment stops this program with %s (%s), which it does not handle: in-flight requests are cut off",
				s.name, s.what),
		}
		if pos, ok := filepos.Pos(pass.Fset, s.file, s.line); s.file != "" && ok {
			d.Related = []analysis.RelatedInformation{{Pos: pos, End: pos, Message: s.related}}
		}
		d.Related = append(d.Related, related(prog, handled, "it handles "+reach.SignalNames(handled)+" here")...)
		r.Report(d)
		return // one report per program
	}
}

// stopsWithSIGINTOnly reports whether the program's deployments (or,
// without them, the platform preset) all stop it with SIGINT: then
// handling only SIGINT is right.
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

// stopSignalRule documents stop-signal.
var stopSignalRule = ruledoc.Rule{
	Category: ruledoc.StopSignal,
	Analyzer: "sigterm",
	Title:    "The deployment stops the program with a signal it does not handle.",
	When: "a deployment (or the `-sigtermlint.platform` preset) stops the program with a signal it does not " +
		"handle, while it handles others",
	Production: "the Go runtime exits at once on that signal: in-flight requests are cut off",
	Bad: ruledoc.Example{
		Note: "the image says `STOPSIGNAL SIGQUIT`, the program traps SIGINT and SIGTERM; SIGQUIT makes the Go " +
			"runtime dump its goroutines and exit.",
		Snippets: []ruledoc.Snippet{{Lang: "dockerfile", Code: "STOPSIGNAL SIGQUIT\nENTRYPOINT [\"/worker\"]"}},
	},
	Good: ruledoc.Example{
		Note:     "drop the `STOPSIGNAL` line: SIGTERM is the default.",
		Snippets: []ruledoc.Snippet{{Lang: "dockerfile", Code: "ENTRYPOINT [\"/worker\"]"}},
	},
	Fix: "Drop the `STOPSIGNAL` line (SIGTERM is the default), or add the signal to the program's list; on " +
		"fly.io, set `kill_signal = \"SIGTERM\"` or handle both SIGINT and SIGTERM (the portable answer).",
	Details: ruledoc.Paras(
		"A deployment can stop the program with another signal than SIGTERM: a Dockerfile `STOPSIGNAL`, "+
			"compose `stop_signal`, Kubernetes `lifecycle.stopSignal`, fly.toml `kill_signal`. Fly.io sends "+
			"SIGINT when `kill_signal` is unset, so a `fly.toml` without it stops the program with SIGINT. When "+
			"the program handles some signals but not that one, sigtermlint reports it at `func main`, with the "+
			"manifest line in the message and as related information (for an unset `kill_signal`, the line of "+
			"`app`, else line 1).",
		"The signal comes, in this order, from:\n"+
			"\n"+
			"1. the deployment files that run the program (see [Deployment manifests](manifests.md): "+
			"the container, service or fly app names the binary; when none does and the only deployment file "+
			"there is is a `fly.toml` at the module root (or one given with `-sigtermlint.manifests`), it "+
			"counts: a `fly.toml` under `example/` may deploy a demo, and a lone Kubernetes or compose container "+
			"that does not name the program may run anything, so their signals are not taken), and the "+
			"`STOPSIGNAL` of a Dockerfile whose `CMD` or `ENTRYPOINT` runs it under any of its binary names (see "+
			"[signal-not-delivered](#signal-not-delivered));\n"+
			"2. when none of them says how the program is stopped (no container, compose service or fly app runs "+
			"it, and no Dockerfile that runs it sets `STOPSIGNAL`), the `-sigtermlint.platform` preset's signal "+
			"(see [The stop timeout](configuration.md#the-stop-timeout)): with `fly` or `nomad`, SIGINT, and the message says "+
			"`(-sigtermlint.platform=fly default)`. The SIGTERM presets add nothing: `no-sigterm` and "+
			"`sigint-only` already expect SIGTERM.",
		"```\n"+
			"cmd/api/main.go:12:6: the deployment stops this program with SIGINT (no kill_signal in fly.toml:2, "+
			"so fly's default), which it does not handle: in-flight requests are cut off\n"+
			"```",
		"A program whose deployments all stop it with SIGINT (a fly.toml without `kill_signal`, a compose "+
			"`stop_signal: SIGINT`, or, when no deployment file says how it is stopped, "+
			"`-sigtermlint.platform=fly` or `nomad`) is right to handle only SIGINT: `sigint-only` is not "+
			"reported for it.",
	),
	Since: ruledoc.V010,
	Links: []ruledoc.Link{
		{Title: "Dockerfile reference: STOPSIGNAL", URL: "https://docs.docker.com/reference/dockerfile/#stopsignal"},
		{Title: "fly.toml reference: kill_signal, kill_timeout", URL: "https://fly.io/docs/reference/configuration/"},
	},
}
