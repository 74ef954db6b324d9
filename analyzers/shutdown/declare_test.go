package shutdown_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sigtermlint/sigtermlint/analyzers/shutdown"
)

// TestDeclarations checks the //sigtermlint: declarations this analyzer
// judges: stops-within against the stop timeout and against the
// function's own Shutdown, manifest bindings, and every malformed,
// misplaced, unknown or contradicted declaration (bad-directive).
func TestDeclarations(t *testing.T) {
	analysistest.Run(t, testdata(t), shutdown.New(),
		"declare/shutdown/...",
		"declare/contradicted",
		"declare/sigterm/additive",
		"declare/bad",
		"declare/badlib",
		"declare/manifest/bound",
		"declare/manifest/boundclean",
	)
}
