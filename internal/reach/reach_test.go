package reach_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sigtermlint/sigtermlint/internal/reach"
)

// TestFacts checks the facts exported for functions and packages,
// including signal parameters, chains and recursion.
func TestFacts(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, reach.Analyzer, "facts/...")
}
