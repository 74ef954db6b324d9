package shutdown_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sigtermlint/sigtermlint/analyzers/shutdown"
	"github.com/sigtermlint/sigtermlint/internal/testmod"
)

// TestLibraryBounds checks the drains that libraries bound themselves,
// on small programs built on the real modules: each library's default
// and a configured bound against the stop timeout, a clean twin within
// it, and options that cannot be evaluated (nothing said). One load for
// all the libraries: controller-runtime and go-zero alone type-check
// hundreds of packages.
func TestLibraryBounds(t *testing.T) {
	dir := testmod.Module(t, "../..", "libbounds")
	analysistest.Run(t, dir, shutdown.New(), "./...")
}

// TestLibraryBoundsFromCode: kratos v2.9 no longer sets a StopTimeout in
// New (v2.8 set 10s, testdata/libbounds): the default is read from the
// code of the version the program builds with, through facts, so the
// same program is unbounded-shutdown here.
func TestLibraryBoundsFromCode(t *testing.T) {
	dir := testmod.Module(t, "../..", "libbounds-kratos29")
	analysistest.Run(t, dir, shutdown.New(), "./...")
}
