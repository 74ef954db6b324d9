package sigterm_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sigtermlint/sigtermlint/analyzers/sigterm"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestRules(t *testing.T) {
	analysistest.Run(t, testdata(t), sigterm.Analyzer,
		"sigterm/nosigterm/...",
		"sigterm/noshutdown/...",
		"sigterm/clean/...",
		"crosspkg/...",
		"sigterm/regress/...",
	)
}

func TestSIGINTOnlyFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(t), sigterm.Analyzer, "sigterm/sigintonly/...", "crosspkg/cmd/paramint")
}
