package sigterm_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sigtermlint/sigtermlint/analyzers/sigterm"
	"github.com/sigtermlint/sigtermlint/internal/testmod"
)

// TestDeclarations checks that //sigtermlint:serves, handles and
// stops-within count like the calls they stand for, in another package
// (through facts) and in package main, for a function and for the whole
// program.
func TestDeclarations(t *testing.T) {
	analysistest.Run(t, testdata(t), sigterm.Analyzer, "declare/sigterm/...")
}

// TestContradictedDeclaration checks that a handles declaration the code
// contradicts is ignored: the program is sigint-only, as its code says.
// (The shutdown analyzer reports the declaration; its test holds the want.)
func TestContradictedDeclaration(t *testing.T) {
	var found bool
	for _, r := range testmod.RunIgnoringWants(t, testdata(t), sigterm.Analyzer, "declare/contradicted") {
		for _, d := range r.Diagnostics {
			if d.Category != "sigint-only" {
				t.Errorf("unexpected %s: %s", d.Category, d.Message)
			}
			found = true
		}
	}
	if !found {
		t.Error("no sigint-only finding: the contradicted declaration was applied")
	}
}

// TestManifestDeclaration checks that //sigtermlint:manifest binds the
// program to a compose service that does not name it: its stop signal
// is the program's.
func TestManifestDeclaration(t *testing.T) {
	analysistest.Run(t, testdata(t), sigterm.Analyzer, "declare/manifest/signal")
}
