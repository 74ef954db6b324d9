package sigterm

import (
	_ "embed"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/analysisdoc"
	"github.com/sigtermlint/sigtermlint/internal/config"
	"github.com/sigtermlint/sigtermlint/internal/directive"
	"github.com/sigtermlint/sigtermlint/internal/reach"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
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
		Doc:      ruledoc.AnalyzerDoc(analysisdoc.Extract(doc, "sigterm"), Rules()),
		URL:      ruledoc.DocURL,
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

// Rules returns the documentation records of the analyzer's rules, each
// kept in the file named after its category, in the order of the rule
// table.
func Rules() []ruledoc.Rule {
	return []ruledoc.Rule{noSIGTERMRule, sigintOnlyRule, noShutdownRule, stopSignalRule, signalNotDeliveredRule}
}

// categories are the rules of this analyzer, the ones its
// //sigtermlint:ignore directives may name.
var categories = ruledoc.Categories("sigterm")

func run(pass *analysis.Pass, cfg *config.Config) (*Result, error) {
	if reach.IsStd(pass.Pkg.Path()) {
		return &Result{}, nil // no programs and no ignores in the standard library
	}
	r := directive.NewReporter(pass, cfg.Enabled, categories...)
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
	drain, root, drained := drainedFirst(pass, cfg)
	for _, site := range prog.Serves {
		d, ok := diagnose(pass, prog, site)
		if ok && d.Category == ruledoc.SIGINTOnly && stopsWithSIGINTOnly(sigs) {
			continue // its deployments stop it with SIGINT, which it handles
		}
		if ok && drained {
			afterDrain(pass, &d, drain, root)
		}
		if ok {
			r.Report(d)
		}
	}
	if cfg.Enabled(ruledoc.StopSignal) {
		checkStopSignal(pass, r, prog, prog.Main, sigs)
	}
	if cfg.Enabled(ruledoc.SignalNotDelivered) {
		checkDelivery(pass, cfg, r, prog.Main)
	}
	res := &Result{}
	for _, s := range append(sigs, defaults...) {
		res.StopSignals = append(res.StopSignals, StopSignal{Name: s.name, What: s.what, File: s.file, Line: s.line})
	}
	return res
}

// diagnose returns the finding for one serve site, the first rule that
// applies, or false when the program is fine or the answer is unknown.
func diagnose(pass *analysis.Pass, prog *reach.Program, site reach.ServeSite) (analysis.Diagnostic, bool) {
	bits := prog.Bits
	switch {
	case bits&reach.SigTERM != 0:
		if bits&(reach.Stop|reach.StopUnknown) != 0 {
			return analysis.Diagnostic{}, false // drained, or maybe: a stop behind an assertion is unknown
		}
		return noShutdown(prog, site), true
	case bits&reach.SigUnknown != 0:
		return analysis.Diagnostic{}, false // a signal list we could not resolve may hold SIGTERM
	case bits&reach.SigINT != 0:
		return sigintOnly(pass, prog, site), true
	default:
		return noSIGTERM(pass, prog, site), true
	}
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
