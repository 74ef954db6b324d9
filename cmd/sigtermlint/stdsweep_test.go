package main

import (
	"testing"
	"time"
)

// TestStdSweep runs the command on the whole standard library without
// its tests: no finding, no error, nothing printed. The reach analyzer
// and both analyzers run on every package (they stop early on standard
// packages, which are recognized by path), so a panic on any shape of
// code there shows up here.
//
// Observed: 4s wall (8-9s on a loaded machine), 3.5s CPU, on 2 shared
// cores with go1.26.8, most of it go list and type-checking. The time is
// logged, never asserted: bench/ measures speed.
func TestStdSweep(t *testing.T) {
	if testing.Short() {
		t.Skip("sweeps the standard library; skipped with -short")
	}
	t.Parallel()
	bin := sigtermlint(t)
	start := time.Now()
	// Outside any module: std resolves from GOROOT alone.
	r := run(t, t.TempDir(), bin, "-test=false", "std")
	elapsed := time.Since(start)
	t.Logf("sigtermlint -test=false std: %v", elapsed.Round(time.Millisecond))
	if r.code != 0 || r.stdout != "" || r.stderr != "" {
		t.Errorf("want exit 0 and no output, got\n%s", r)
	}
}
