package explain_test

import (
	"path/filepath"
	"testing"

	"github.com/sigtermlint/sigtermlint/internal/testmod"
)

// TestDeclaredStops explains a program whose serving, signal handling
// and graceful stop are all declared in another package
// (testdata/e2e-declare): the handling is the call of the declared
// function, the drain the declared time.
func TestDeclaredStops(t *testing.T) {
	dir := filepath.Join(testmod.Testdata(t, "../.."), "e2e-declare")
	got := explainText(t, dir, analyzers(t), "./cmd/api")
	want := `cmd/api: stop signal SIGTERM (the default), handled at main.go:13
   0s  SIGTERM -> plugins.Trap                                                                      main.go:13
   0s  Stop stops within 20s (declared)                                                             internal/plugins/plugins.go:22
  10s  SIGKILL (terminationGracePeriodSeconds 10s; the smallest of 2 deployments, none naming api)  deploy/k8s.yaml:19
  20s  the drain would end here, after SIGKILL
  no finding, yet the drain may end at 20s, not before SIGKILL at 10s (a Shutdown outside package main is checked against the flags or 30s, not this program's manifests or directive)
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestLibraryStops explains a kratos v2.9 program (the real module):
// kratos traps the signal in App.Run and, without StopTimeout, drains
// without a deadline, so when the process exits is unknown. The apps of
// the functions main never refers to (configured, zero) are not on the
// timeline; their findings are still listed.
func TestLibraryStops(t *testing.T) {
	dir := testmod.Module(t, "../..", "libbounds-kratos29")
	got := explainText(t, dir, analyzers(t), "./app")
	want := `app: stop signal SIGTERM (the default), handled at main.go:17
       0s  SIGTERM -> (*kratos.App).Run     main.go:17
       0s  kratos drain without a deadline  main.go:17
  unknown  process exits                    kratos: kratos waits without a deadline (kratos.StopTimeout), main.go:17
      30s  SIGKILL (stop timeout 30s)       the default
  2 findings:
    unbounded-shutdown main.go:17: kratos's graceful shutdown has no deadline (kratos.StopTimeout is not set): a stuck connection holds it until SIGKILL cuts the drain, with no log line
    unbounded-shutdown main.go:29: kratos's graceful shutdown has no deadline (kratos.StopTimeout is not positive): a stuck connection holds it until SIGKILL cuts the drain, with no log line
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
