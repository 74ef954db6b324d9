package sigterm_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sigtermlint/sigtermlint/analyzers/sigterm"
	"github.com/sigtermlint/sigtermlint/internal/testmod"
)

// TestFrameworks runs the analyzer over small programs built on the real
// frameworks (gin, echo, fiber, chi, grpc, errgroup, oklog/run, fx,
// fasthttp), in testdata/frameworks, a module of its own, so that facts
// are computed from the frameworks' actual source rather than stubs.
func TestFrameworks(t *testing.T) {
	dir := testmod.Frameworks(t, "../..")
	analysistest.Run(t, dir, sigterm.Analyzer,
		"./chi/...", "./echo/...", "./errgroup/...", "./fasthttp/...", "./fiber/...",
		"./fx/...", "./gin/...", "./grpc/...", "./oklogrun/...")
}
