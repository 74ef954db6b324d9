// Package explain shows, for each main package, its stop as the analysis
// sees it: the stop signal and where it is set, where the program
// handles it, the waits of its graceful stops one after the other, when
// the process exits and when SIGKILL comes, each with its source, then
// the findings or a verdict. It is sigtermlint -explain.
//
// It runs the same analyzers as the lint (their Results carry what the
// diagnostics leave out), on the main packages matched and the packages
// of their module that they import, so that a Shutdown in
// internal/server counts for the program that imports it. What the
// analysis cannot resolve is printed as unknown, with why.
package explain

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/sigtermlint/sigtermlint/analyzers/shutdown"
	"github.com/sigtermlint/sigtermlint/analyzers/sigterm"
	"github.com/sigtermlint/sigtermlint/internal/config"
	"github.com/sigtermlint/sigtermlint/internal/loaderr"
	"github.com/sigtermlint/sigtermlint/internal/reach"
)

// Analyzers are the analyzers explain runs: a configuration analyzer
// (config.New, or config.Analyzer) and the sigterm and shutdown analyzers
// that read it.
type Analyzers struct {
	Config, Sigterm, Shutdown *analysis.Analyzer
}

// Default are the analyzers of the command, configured by its flags.
func Default() Analyzers {
	return Analyzers{Config: config.Analyzer, Sigterm: sigterm.Analyzer, Shutdown: shutdown.Analyzer}
}

// Program is the stop of one main package.
type Program struct {
	Path string // import path
	// Dir is the package's directory relative to its module root, or
	// its import path when it is the root or there is no module.
	Dir string
	// NoMain: the package declares no func main (in a non-test file).
	NoMain bool
	// Serves: the program starts a server. Without one there is
	// nothing to drain, and no timeline.
	Serves bool
	// Signals are the stop signals the deployments or the platform
	// preset send, with where each is set; the timeline follows the
	// first. One SIGTERM "the default" when nothing says.
	Signals []Signal
	// Handling says whether and where the program handles the first
	// signal.
	Handling Handling
	// Timeout is the stop timeout, as the program's package main resolves it.
	Timeout Timeout
	// Rows are the timeline, in time order; rows whose time is unknown
	// come last, before SIGKILL's when it is the last row.
	Rows []Row
	// Exit is when the process exits (or its drain would end).
	Exit Moment
	// Drain is the load balancer's drain in front of the program (the
	// shortest, when several deployments set one), where the timeline
	// starts; nil when its deployment files set none.
	Drain *Drain
	// Servers are the servers the program shuts down with Shutdown: the
	// longest request each allows and its long-lived handlers.
	Servers []Server
	// Findings are the diagnostics of the program's packages (package
	// main and the packages of its module it imports), by position.
	Findings []Finding
	// Verdict is one sentence: the findings' count, or that nothing is
	// wrong and by how much the drain fits, or what is unknown.
	Verdict string
}

// Drain is a load balancer's drain in front of the program.
type Drain struct {
	D     time.Duration
	Known bool   // D is read; an unresolved value is not
	What  string // "deregistration_delay 5s at infra/alb.tf:12"
	Posn  string
	// BeforeStop: the stop signal comes after the drain (ECS); otherwise
	// the drain runs beside the preStop hook and the grace period
	// (Kubernetes).
	BeforeStop bool
}

// Signal is a stop signal and where it is set.
type Signal struct {
	Name   string // SIGTERM
	Source string // "the default", "STOPSIGNAL at Dockerfile:12", ...
	Posn   string // the manifest line, "" for presets and defaults
}

// Handling states.
const (
	Handled      = "handled"
	NotHandled   = "not handled"
	Unknown      = "unknown"
	NotDelivered = "not delivered"
)

// Handling is whether and where the program handles its stop signal.
type Handling struct {
	State string // Handled, NotHandled, Unknown, NotDelivered
	Via   string // the call that installs the handling: "signal.NotifyContext"
	Posn  string // its position, "" when it is in another package
	Why   string // for Unknown and NotDelivered
}

// Timeout is the stop timeout and how the platform spends it.
type Timeout struct {
	D       time.Duration // the program's budget from the stop signal to SIGKILL
	PreStop time.Duration // a Kubernetes preStop sleep before the signal, or 0
	Kill    time.Duration // from the start of the stop (the preStop hook, else the signal) to SIGKILL
	Source  string        // as the shutdown-timeout finding names it: "the default", a manifest, a flag
}

// Row is one line of the timeline.
type Row struct {
	Kind  string        // KindPreStop, ...
	At    time.Duration // from the start of the stop, when Known
	Known bool
	What  string
	// Posn is the file and line the row comes from, relative to the
	// package's directory (its own files) or the module root; Source
	// names a source that is not a file line (a flag, a preset, a
	// default), or why the row's time is unknown.
	Posn, Source string
	// D is a wait's length, when DKnown (see IsWait).
	D      time.Duration
	DKnown bool
}

// Row kinds.
const (
	KindLBDrain = "lb-drain" // the load balancer starts draining the target
	KindLBCut   = "lb-cut"   // the load balancer's drain ends: what still runs is cut
	KindPreStop = "prestop"  // the Kubernetes preStop sleep
	KindSignal  = "signal"   // the stop signal, and where it is handled
	KindSleep   = "sleep"    // a sleep on the way to a graceful stop
	KindStop    = "stop"     // a graceful stop's deadline, or what stands for it
	KindExit    = "exit"     // the process exits, or the drain would end
	KindSIGKILL = "sigkill"  // the platform's SIGKILL
)

// IsWait reports whether the row is a wait, with a length.
func (r Row) IsWait() bool {
	return r.Kind == KindLBDrain || r.Kind == KindPreStop || r.Kind == KindSleep || r.Kind == KindStop
}

// Moment is when something happens, or why that is unknown.
type Moment struct {
	At    time.Duration
	Known bool
	Why   string // when not Known
	Cause string // when Known and early: "as the drain starts (exit-before-drain)"
	Posn  string // where Why or Cause points, or ""
}

// Server is a server the program shuts down, followed to its handlers.
type Server struct {
	Name string // the variable or field holding it: "srv"
	Posn string // its Shutdown call
	// Longest is the longest request it allows, in words: "WriteTimeout
	// 30s", "unbounded: streams at /events and no WriteTimeout"; LongestD
	// its length when bounded and known.
	Longest      string
	LongestD     time.Duration
	LongestKnown bool
	LongestPosn  string
	// Complete: every handler was followed.
	Complete bool
	Handlers []ServerHandler
}

// ServerHandler is a long-lived handler of a server.
type ServerHandler struct {
	Route string `json:"route,omitempty"`
	What  string `json:"what"`
	Posn  string `json:"posn"`
}

// Finding is a diagnostic of the program's packages.
type Finding struct {
	Analyzer, Category, Posn, Message string
}

// LoadError lists the errors of packages that did not load or type-check.
type LoadError = loaderr.Error

// NoMainError says that the patterns match no main package: there is no
// program to explain.
type NoMainError struct{ Patterns []string }

func (e *NoMainError) Error() string {
	return fmt.Sprintf("no main package matches %s: -explain shows the stop of programs", strings.Join(e.Patterns, " "))
}

// Run loads the packages patterns match in dir and explains each main
// package among them, in import path order. tests loads the test
// variants too (they are never explained: no deployed process runs them).
func Run(dir string, patterns []string, tests bool, an Analyzers) ([]*Program, error) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir, Tests: tests}
	initial, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, &LoadError{Errors: []string{err.Error()}}
	}
	if errs := loaderr.Of(initial); len(errs) > 0 {
		return nil, &LoadError{Errors: errs}
	}
	mains := mainPackages(initial)
	if len(mains) == 0 {
		return nil, &NoMainError{Patterns: patterns}
	}
	roots := withModuleImports(mains)
	graph, err := checker.Analyze([]*analysis.Analyzer{reach.Analyzer, an.Config, an.Sigterm, an.Shutdown}, roots, nil)
	if err != nil {
		return nil, err
	}
	out := outcomes{}
	var errs []string
	for _, act := range graph.Roots {
		if act.Err != nil {
			errs = append(errs, fmt.Sprintf("%s: %s: %v", act.Package.PkgPath, act.Analyzer.Name, act.Err))
			continue
		}
		o := out.of(act.Package)
		switch act.Analyzer {
		case reach.Analyzer:
			o.reach = act.Result.(*reach.Result)
		case an.Config:
			o.config = act.Result.(*config.Config)
		case an.Sigterm:
			o.sigterm = act.Result.(*sigterm.Result)
		case an.Shutdown:
			o.shutdown = act.Result.(*shutdown.Result)
		}
		for _, d := range act.Diagnostics {
			o.diags = append(o.diags, diagnostic{act.Analyzer.Name, d})
		}
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return nil, &LoadError{Errors: errs}
	}
	var progs []*Program
	for _, m := range mains {
		progs = append(progs, build(m, out))
	}
	return progs, nil
}

// mainPackages returns the main packages among pkgs, test variants and
// generated test mains left out, by import path.
func mainPackages(pkgs []*packages.Package) []*packages.Package {
	var mains []*packages.Package
	for _, p := range pkgs {
		if p.Name == "main" && p.ID == p.PkgPath && !strings.HasSuffix(p.PkgPath, ".test") {
			mains = append(mains, p)
		}
	}
	sort.Slice(mains, func(i, j int) bool { return mains[i].PkgPath < mains[j].PkgPath })
	return mains
}

// withModuleImports returns mains and the packages of each one's module
// that it imports, directly or not: the shutdown analyzer reports and
// describes stops only in the packages it is run on.
func withModuleImports(mains []*packages.Package) []*packages.Package {
	var out []*packages.Package
	seen := map[*packages.Package]bool{}
	for _, m := range mains {
		var visit func(p *packages.Package)
		visit = func(p *packages.Package) {
			if seen[p] {
				return
			}
			seen[p] = true
			out = append(out, p)
			for _, imp := range p.Imports {
				if sameModule(m, imp) {
					visit(imp)
				}
			}
		}
		visit(m)
	}
	return out
}

func sameModule(a, b *packages.Package) bool {
	return a.Module != nil && b.Module != nil && a.Module.Path == b.Module.Path && a.Module.Dir == b.Module.Dir
}

// outcome is what the analyzers found in one package.
type outcome struct {
	reach    *reach.Result
	config   *config.Config
	sigterm  *sigterm.Result
	shutdown *shutdown.Result
	diags    []diagnostic
}

type diagnostic struct {
	analyzer string
	analysis.Diagnostic
}

type outcomes map[*packages.Package]*outcome

func (o outcomes) of(p *packages.Package) *outcome {
	if o[p] == nil {
		o[p] = &outcome{}
	}
	return o[p]
}

// moduleRoot is the directory positions are given relative to: the
// module's, else the package's.
func moduleRoot(p *packages.Package) string {
	if p.Module != nil && p.Module.Dir != "" {
		return p.Module.Dir
	}
	return packageDir(p)
}

func packageDir(p *packages.Package) string {
	if len(p.CompiledGoFiles) > 0 {
		return filepath.Dir(p.CompiledGoFiles[0])
	}
	if len(p.GoFiles) > 0 {
		return filepath.Dir(p.GoFiles[0])
	}
	return ""
}
