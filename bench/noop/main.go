// Command noop is the floor sigtermlint's benchmark and real-world sweep
// measure against: the same driver (multichecker, and unitchecker under go
// vet -vettool) with analyzers that do nothing. What it costs is loading,
// parsing and type-checking; what sigtermlint costs beyond it is the
// analysis.
//
// Two analyzers: noop, and noopfacts, which declares a fact type (and
// exports none). A driver loads every dependency from source, and
// type-checks it, only for analyzers that use facts, as sigtermlint's do;
// without facts the standalone driver reads dependencies from export data.
// So `noop -noopfacts PATTERN` is the floor of a whole-program analysis
// like sigtermlint, and `noop -noop PATTERN` the floor of a per-package
// one. Under go vet both type-check every package.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
)

// rep does nothing; the benchmark changes it from run to run so that go
// vet, whose cache key covers the tool's flags, runs the tool every time.
var rep string

var noop = &analysis.Analyzer{
	Name: "noop",
	Doc:  "noop: does nothing (the floor of a per-package analysis)",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

// unusedFact is declared, never exported: declaring it is what makes the
// driver load dependencies from source.
type unusedFact struct{}

func (*unusedFact) AFact()         {}
func (*unusedFact) String() string { return "unused" }

var noopFacts = &analysis.Analyzer{
	Name:      "noopfacts",
	Doc:       "noopfacts: does nothing, but declares a fact type (the floor of a whole-program analysis)",
	FactTypes: []analysis.Fact{new(unusedFact)},
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
}

func init() {
	noop.Flags.StringVar(&rep, "rep", "", "ignored: lets the benchmark defeat go vet's cache")
}

func main() { multichecker.Main(noop, noopFacts) }
