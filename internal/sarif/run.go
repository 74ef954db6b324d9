package sarif

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/sigtermlint/sigtermlint/internal/loaderr"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// LoadError says that packages did not load or type-check, or that an
// analyzer failed: the lint did not run to its end, and a log without
// findings would look clean.
type LoadError = loaderr.Error

// Run loads the packages that patterns match in dir (the current
// directory when ""), with their test variants when tests is set, runs
// the analyzers on them as multichecker does, and returns their findings
// and the source root of their paths.
func Run(dir string, patterns []string, tests bool, analyzers []*analysis.Analyzer) ([]Finding, string, error) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir, Tests: tests}
	initial, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, "", &LoadError{Errors: []string{err.Error()}}
	}
	if len(initial) == 0 {
		return nil, "", &LoadError{Errors: []string{strings.Join(patterns, " ") + " matched no packages"}}
	}
	if errs := loaderr.Of(initial); len(errs) > 0 {
		return nil, "", &LoadError{Errors: errs}
	}
	graph, err := checker.Analyze(analyzers, initial, nil)
	if err != nil {
		return nil, "", &LoadError{Errors: []string{err.Error()}}
	}
	var findings []Finding
	var errs []string
	contents := ReadFiles()
	for act := range graph.All() {
		switch {
		case act.Err != nil:
			errs = append(errs, fmt.Sprintf("%s: %s: %v", act.Package.PkgPath, act.Analyzer.Name, act.Err))
		case act.IsRoot:
			for _, d := range act.Diagnostics {
				findings = append(findings, FromDiagnostic(act.Package.Fset, d, contents))
			}
		}
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return nil, "", &LoadError{Errors: errs}
	}
	return findings, SourceRoot(baseDir(initial, dir)), nil
}

// baseDir is where the source root is searched from: the module of the
// first package matched, else the directory the command runs in.
func baseDir(pkgs []*packages.Package, dir string) string {
	for _, p := range pkgs {
		if p.Module != nil && p.Module.Dir != "" {
			return p.Module.Dir
		}
	}
	if dir == "" {
		dir, _ = os.Getwd()
	}
	return dir
}
