// Package testmod prepares the testdata of analyzer tests, and runs
// analysistest for the tests that check its results by hand.
package testmod

import (
	"os/exec"
	"path/filepath"
	"testing"
)

// Testdata returns the absolute path of the repository's testdata
// directory, the GOPATH-layout root of analysistest packages; rel leads
// from the test's directory to the repository root.
func Testdata(t *testing.T, rel string) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join(rel, "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// Frameworks returns the absolute path of testdata/frameworks, a module
// of small programs built on real frameworks, with its modules downloaded.
// rel leads from the test's directory to the repository root. The test
// is skipped with -short.
func Frameworks(t *testing.T, rel string) string {
	t.Helper()
	return Module(t, rel, "frameworks")
}

// Module returns the absolute path of testdata/name, a module of small
// programs built on real libraries, with its modules downloaded:
// analysistest loads module-mode packages with GOPROXY=off, so they must
// be in the module cache first. rel leads from the test's directory to
// the repository root. The test is skipped with -short.
func Module(t *testing.T, rel, name string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("skipping in -short mode: needs the library modules from the module proxy (or module cache) and type-checks them from source")
	}
	dir, err := filepath.Abs(filepath.Join(rel, "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, err, out)
	}
	return dir
}
