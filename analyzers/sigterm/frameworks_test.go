package sigterm_test

import (
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sigtermlint/sigtermlint/analyzers/sigterm"
)

// TestFrameworks runs the analyzer over small programs built on the real
// frameworks (gin, echo, fiber, chi, grpc, errgroup, oklog/run, fx,
// fasthttp), in testdata/frameworks, a module of its own, so that facts
// are computed from the frameworks' actual source rather than stubs.
func TestFrameworks(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping in -short mode: needs the framework modules from the module proxy (or module cache) and type-checks them from source")
	}
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "frameworks"))
	if err != nil {
		t.Fatal(err)
	}
	// analysistest loads module-mode packages with GOPROXY=off: fetch
	// the modules first, with the ordinary environment.
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, err, out)
	}
	analysistest.Run(t, dir, sigterm.Analyzer, "./...")
}
