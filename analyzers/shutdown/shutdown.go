package shutdown

import (
	_ "embed"
	"flag"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/analysisdoc"
	"github.com/sigtermlint/sigtermlint/internal/durations"
	"github.com/sigtermlint/sigtermlint/internal/reach"
	"github.com/sigtermlint/sigtermlint/internal/stoptimeout"
)

//go:embed doc.go
var doc string

// Analyzer reports graceful stops that cannot drain.
var Analyzer = New()

// Categories, one per rule. They are part of the output contract: never
// rename or reuse them.
const (
	CategoryExitBeforeDrain   = "exit-before-drain"
	CategoryCancelledContext  = "cancelled-context"
	CategoryUnboundedShutdown = "unbounded-shutdown"
	CategoryShutdownTimeout   = "shutdown-timeout"
	CategoryBadDirective      = "bad-directive"
)

// FlagStopTimeout is the name of the flag that declares the stop timeout.
const FlagStopTimeout = "stop-timeout"

// New returns a new shutdown analyzer with its own flags, for tests and
// drivers that configure several instances.
func New() *analysis.Analyzer {
	cfg := &config{stopTimeout: durationFlag{d: stoptimeout.Default}}
	a := &analysis.Analyzer{
		Name:     "shutdown",
		Doc:      analysisdoc.Extract(doc, "shutdown"),
		URL:      "https://github.com/sigtermlint/sigtermlint/blob/main/README.md",
		Requires: []*analysis.Analyzer{reach.Analyzer},
		Run:      func(pass *analysis.Pass) (any, error) { return run(pass, cfg) },
	}
	a.Flags.Var(&cfg.stopTimeout, FlagStopTimeout,
		"time between SIGTERM and SIGKILL that the whole shutdown must fit in (Kubernetes terminationGracePeriodSeconds, ECS stopTimeout; docker stop waits 10s); a //sigtermlint:stop-timeout directive in package main overrides it")
	return a
}

// config holds the analyzer's flags; run only reads it.
type config struct {
	stopTimeout durationFlag
}

func run(pass *analysis.Pass, cfg *config) (any, error) {
	res := pass.ResultOf[reach.Analyzer].(*reach.Result)
	timeout, bad := stoptimeout.Resolve(pass.Fset, pass.Pkg.Name(), pass.Files, cfg.stopTimeout.d, cfg.stopTimeout.set)
	for _, b := range bad {
		pass.Report(analysis.Diagnostic{Pos: b.Pos, End: b.End, Category: CategoryBadDirective, Message: b.Message})
	}
	c := &checker{
		pass:    pass,
		reach:   res,
		timeout: timeout,
		durs:    durations.NewResolver(pass.TypesInfo, pass.Files),
	}
	c.index()
	for _, s := range c.scopes {
		c.checkStops(s)
		c.checkExits(s)
	}
	c.checkMainReturn()
	return nil, nil
}

// durationFlag is a time.Duration flag that remembers whether it was set.
type durationFlag struct {
	d   time.Duration
	set bool
}

var _ flag.Value = (*durationFlag)(nil)

func (f *durationFlag) String() string { return f.d.String() }

func (f *durationFlag) Set(s string) error {
	d, err := time.ParseDuration(s)
	if err != nil {
		return err
	}
	if d <= 0 {
		return errNonPositive
	}
	f.d, f.set = d, true
	return nil
}

var errNonPositive = errorString("the stop timeout must be positive")

type errorString string

func (e errorString) Error() string { return string(e) }
