package sigterm

import (
	_ "embed"
	"fmt"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/analysisdoc"
	"github.com/sigtermlint/sigtermlint/internal/config"
	"github.com/sigtermlint/sigtermlint/internal/directive"
	"github.com/sigtermlint/sigtermlint/internal/reach"
	"github.com/sigtermlint/sigtermlint/internal/rules"
)

//go:embed doc.go
var doc string

// Analyzer reports programs that start a server and do not stop it
// gracefully on SIGTERM.
var Analyzer = NewWith(config.Analyzer)

// NewWith returns a sigterm analyzer that reads its configuration (the
// manifests) from cfg, a configuration analyzer made by config.New.
func NewWith(cfg *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "sigterm",
		Doc:      rules.AnalyzerDoc("sigterm", analysisdoc.Extract(doc, "sigterm")),
		URL:      rules.DocURL,
		Requires: []*analysis.Analyzer{reach.Analyzer, cfg},
		Run:      func(pass *analysis.Pass) (any, error) { return run(pass, pass.ResultOf[cfg].(*config.Config)) },
		// The Result feeds sigtermlint -explain; the rules need none.
		ResultType: reflect.TypeFor[*Result](),
	}
}

// Result is what the analyzer learned of a package main's stop signal,
// for drivers that explain a program's stop (sigtermlint -explain); the
// findings are its diagnostics.
type Result struct {
	// StopSignals are the signals the program's deployments (or the
	// -sigtermlint.platform preset) stop it with, each with where that
	// is said, then the platform defaults of the containers that run it
	// and set none. Empty when nothing says: then the platforms send
	// SIGTERM. Nil for a package that is not a server's main.
	StopSignals []StopSignal
}

// StopSignal is a stop signal and where it is set.
type StopSignal struct {
	Name string // SIGTERM, SIGINT, SIGQUIT
	// What says where it comes from: "STOPSIGNAL at Dockerfile:12",
	// "Kubernetes' default: deploy/k8s.yaml:31 sets no lifecycle.stopSignal",
	// "-sigtermlint.platform=fly default".
	What string
	File string // absolute; "" for the platform preset
	Line int
}

// Categories, one per rule. They are part of the output contract: never
// rename or reuse them.
const (
	CategoryNoSIGTERM  = "no-sigterm"
	CategorySIGINTOnly = "sigint-only"
	CategoryNoShutdown = "no-shutdown"
	CategoryStopSignal = "stop-signal"
	// CategorySignalNotDelivered: a shell between the platform and the
	// program keeps the stop signal from reaching it.
	CategorySignalNotDelivered = "signal-not-delivered"
)

// categories are the rules of this analyzer, the ones its
// //sigtermlint:ignore directives may name.
var categories = rules.Categories("sigterm")

func run(pass *analysis.Pass, cfg *config.Config) (*Result, error) {
	if reach.IsStd(pass.Pkg.Path()) {
		return &Result{}, nil // no programs and no ignores in the standard library
	}
	r := directive.NewReporter(pass, rules.Ignorable(), categories...)
	res := check(pass, cfg, r)
	r.Finish() // in every package: a stale ignore in a library is stale too
	return res, nil
}

// check reports the findings of a package main that starts a server.
func check(pass *analysis.Pass, cfg *config.Config, r *directive.Reporter) *Result {
	prog := pass.ResultOf[reach.Analyzer].(*reach.Result).Program
	if prog == nil || len(prog.Serves) == 0 {
		return &Result{} // not a server: libraries only export facts
	}
	sigs, defaults := declaredStopSignals(pass, cfg)
	for _, site := range prog.Serves {
		d, ok := diagnose(pass, prog, site)
		if ok && d.Category == CategorySIGINTOnly && stopsWithSIGINTOnly(sigs) {
			continue // its deployments stop it with SIGINT, which it handles
		}
		if ok {
			r.Report(d)
		}
	}
	checkStopSignal(pass, r, prog, prog.Main, sigs)
	checkDelivery(pass, cfg, r, prog.Main)
	res := &Result{}
	for _, s := range append(sigs, defaults...) {
		res.StopSignals = append(res.StopSignals, StopSignal{Name: s.name, What: s.what, File: s.file, Line: s.line})
	}
	return res
}

// diagnose returns the finding for one serve site, the first rule that
// applies, or false when the program is fine or the answer is unknown.
func diagnose(pass *analysis.Pass, prog *reach.Program, site reach.ServeSite) (analysis.Diagnostic, bool) {
	d := analysis.Diagnostic{Pos: site.Pos, End: site.End}
	bits := prog.Bits
	switch {
	case bits&reach.SigTERM != 0:
		if bits&(reach.Stop|reach.StopUnknown) != 0 {
			return d, false // drained, or maybe: a stop behind an assertion is unknown
		}
		d.Category = CategoryNoShutdown
		if site.NoHandle {
			d.Message = fmt.Sprintf("server started via %s is never shut down gracefully, and the package-level function leaves no *http.Server to call Shutdown on: on SIGTERM its in-flight requests are cut off", site.Via)
		} else {
			d.Message = fmt.Sprintf("server started via %s is never shut down gracefully: on SIGTERM its in-flight requests are cut off", site.Via)
		}
		d.Related = related(prog, reach.SigTERM, "SIGTERM is handled here")
	case bits&reach.SigUnknown != 0:
		return d, false // a signal list we could not resolve may hold SIGTERM
	case bits&reach.SigINT != 0:
		d.Category = CategorySIGINTOnly
		d.Message = fmt.Sprintf("server started via %s handles SIGINT but not SIGTERM, the signal orchestrators send%s: the Go runtime exits at once on SIGTERM and cuts off its in-flight requests on every deploy", site.Via, parenthesized(killNote(prog)))
		d.Related = append(related(prog, reach.SigINT, "only SIGINT is handled here"), killRelated(prog)...)
		d.SuggestedFixes = addSIGTERM(pass, prog) // os.Kill replaced by SIGTERM, else SIGTERM added next to SIGINT
	default:
		d.Category = CategoryNoSIGTERM
		d.Message = fmt.Sprintf("server started via %s never handles SIGTERM%s: the Go runtime exits at once on SIGTERM and cuts off its in-flight requests on every deploy", site.Via, parenthesized(killNote(prog)))
		d.Related = killRelated(prog)
		d.SuggestedFixes = replaceKill(pass, prog) // only when os.Kill stands where SIGTERM was meant
	}
	return d, true
}

// parenthesized returns note as " (note)", or "" when it is empty.
func parenthesized(note string) string {
	if note == "" {
		return ""
	}
	return " (" + note + ")"
}

// related points at package main's signal handling that has bit.
func related(prog *reach.Program, bit reach.Bits, msg string) []analysis.RelatedInformation {
	var rel []analysis.RelatedInformation
	for _, n := range prog.Notifies {
		if n.Bits&bit != 0 {
			rel = append(rel, analysis.RelatedInformation{Pos: n.Pos, End: n.End, Message: msg})
		}
	}
	return rel
}
