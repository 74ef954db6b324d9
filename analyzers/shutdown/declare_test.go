package shutdown_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sigtermlint/sigtermlint/analyzers/shutdown"
	"github.com/sigtermlint/sigtermlint/internal/config"
)

// TestDeclarations checks the //sigtermlint: declarations this analyzer
// judges: stops-within against the stop timeout and against the
// function's own Shutdown, manifest bindings, and every malformed,
// misplaced, unknown or contradicted declaration (bad-directive).
func TestDeclarations(t *testing.T) {
	analysistest.Run(t, testdata(t), shutdown.New(),
		"declare/shutdown/within",
		"declare/shutdown/withinclean",
		"declare/shutdown/contradicted",
		"declare/shutdown/libcall",
		"declare/shutdown/libcallclean",
		"declare/contradicted",
		"declare/sigterm/additive",
		"declare/bad",
		"declare/badlib",
		"declare/manifest/bound",
		"declare/manifest/boundclean",
	)
}

// TestDeclaredCallsFlag: under -sigtermlint.stop-timeout=5s the declaring
// package judged its 10s declaration against the same 5s; package main,
// whose timeout is the flag's too, does not report the call again.
func TestDeclaredCallsFlag(t *testing.T) {
	cfg := config.New()
	if err := cfg.Flags.Set(config.FlagStopTimeout, "5s"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata(t), shutdown.NewWith(cfg), "declare/shutdown/libcalldefault")
}
