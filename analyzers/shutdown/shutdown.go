package shutdown

import (
	_ "embed"
	"go/ast"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/analysisdoc"
	"github.com/sigtermlint/sigtermlint/internal/config"
	"github.com/sigtermlint/sigtermlint/internal/directive"
	"github.com/sigtermlint/sigtermlint/internal/reach"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
	"github.com/sigtermlint/sigtermlint/internal/stoptimeout"
)

//go:embed doc.go
var doc string

// Analyzer reports graceful stops that cannot drain.
var Analyzer = New()

// Rules returns the documentation records of the analyzer's rules, each
// kept in the file named after its category, in the order of the rule
// table.
func Rules() []ruledoc.Rule {
	return []ruledoc.Rule{exitBeforeDrainRule, cancelledContextRule, unboundedShutdownRule, shutdownTimeoutRule, hijackedNotClosedRule, streamBlocksDrainRule, drainDelayTooShortRule, drainDelayTooLongRule, noDeregistrationWaitRule, badDirectiveRule}
}

// stopRules are the rules judged at each graceful stop (stops.go): when
// all are switched off, the stops are not traced.
var stopRules = []string{ruledoc.CancelledContext, ruledoc.UnboundedShutdown, ruledoc.ShutdownTimeout, ruledoc.HijackedNotClosed, ruledoc.StreamBlocksDrain}

// categories are the rules of this analyzer, the ones its
// //sigtermlint:ignore directives may name (not bad-directive: a
// malformed directive is fixed, not silenced).
var categories = ruledoc.Categories("shutdown")

// New returns a new shutdown analyzer that reads its configuration
// from the default configuration analyzer.
func New() *analysis.Analyzer { return NewWith(config.Analyzer) }

// NewWith returns a new shutdown analyzer that reads its configuration
// (the stop timeout) from cfg, a configuration analyzer made by
// config.New: tests and drivers configure instances of their own.
func NewWith(cfg *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "shutdown",
		Doc:      ruledoc.AnalyzerDoc(analysisdoc.Extract(doc, "shutdown"), Rules()),
		URL:      ruledoc.DocURL,
		Requires: []*analysis.Analyzer{reach.Analyzer, cfg},
		// ExitFact: the functions that return while a drain they
		// started runs, for the callers in other packages.
		// ServerFact: the functions that serve one server, with what it
		// allows, for the load balancer rules in package main.
		FactTypes: []analysis.Fact{new(ExitFact), new(ServerFact)},
		Run:       func(pass *analysis.Pass) (any, error) { return run(pass, pass.ResultOf[cfg].(*config.Config)) },
		// The Result feeds sigtermlint -explain; the rules need none.
		ResultType: reflect.TypeFor[*Result](),
	}
}

func run(pass *analysis.Pass, cfg *config.Config) (*Result, error) {
	if reach.IsStd(pass.Pkg.Path()) {
		return &Result{}, nil // the standard library's own stops are not the user's to fix
	}
	res := pass.ResultOf[reach.Analyzer].(*reach.Result)
	timeout, bad := stoptimeout.Resolve(pass.Fset, pass.Pkg.Name(), pass.Files, cfg, func() (stoptimeout.Timeout, bool) {
		set, root := cfg.LoadManifests(pass)
		return stoptimeout.FromManifests(set, root, config.ProgramName(pass))
	})
	c := &checker{
		pass:    pass,
		report:  directive.NewReporter(pass, cfg.Enabled, categories...),
		cfg:     cfg,
		reach:   res,
		timeout: timeout,
	}
	c.reportBadDirectives(bad, cfg)
	c.checkLibraryBounds()
	if !res.Active() {
		// No function here reaches a serve call or a stop: there is no
		// Shutdown to judge and no serve call to exit after. Only the
		// directives (above, and the ignores in Finish) are checked.
		c.report.Finish()
		return c.result(), nil
	}
	c.index()
	c.checkDeclaredStops()
	c.checkDeclaredCalls()
	for _, s := range c.scopes {
		if takesTesting(pass.TypesInfo, s.decl) {
			continue // a test fixture: no deployed process runs it
		}
		if cfg.AnyEnabled(stopRules...) {
			c.checkStops(s)
		}
	}
	if cfg.Enabled(ruledoc.ExitBeforeDrain) {
		c.checkExitBeforeDrain()
	}
	// The load balancers in front of package main (after the stops,
	// which follow the servers first).
	c.exportServerFacts()
	c.checkDrainDelays()
	c.checkDeregistration()
	c.report.Finish()
	return c.result(), nil
}

// takesTesting reports whether a function takes a *testing.T, *testing.B,
// *testing.F or testing.TB: a test helper, even outside a _test.go file.
func takesTesting(info *types.Info, fd *ast.FuncDecl) bool {
	for _, field := range fd.Type.Params.List {
		t := info.TypeOf(field.Type)
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "testing" {
			return true
		}
	}
	return false
}
