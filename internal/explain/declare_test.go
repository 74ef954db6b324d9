package explain_test

import (
	"path/filepath"
	"testing"

	"github.com/sigtermlint/sigtermlint/internal/testmod"
)

// TestDeclaredStops explains two programs whose serving, signal
// handling and graceful stop are all declared in another package
// (testdata/e2e-declare): the handling is the call of the declared
// function, the drain the declared time, judged against each program's
// own stop timeout (10s for api, 30s for web, bound by a declaration).
func TestDeclaredStops(t *testing.T) {
	dir := filepath.Join(testmod.Testdata(t, "../.."), "e2e-declare")
	got := explainText(t, dir, analyzers(t), "./cmd/api", "./cmd/web")
	want := `cmd/api: stop signal SIGTERM (the default), handled at main.go:15
   0s  SIGTERM -> plugins.Trap                                                                      main.go:15
   0s  Stop stops within 20s (declared)                                                             internal/plugins/plugins.go:22
  10s  SIGKILL (terminationGracePeriodSeconds 10s; the smallest of 2 deployments, none naming api)  deploy/k8s.yaml:19
  20s  the drain would end here, after SIGKILL
  1 finding:
    shutdown-timeout main.go:17: shutdown may take 20s but the stop timeout is 10s (terminationGracePeriodSeconds 10s at deploy/k8s.yaml:19; the smallest of 2 deployments, none naming api): SIGKILL cuts the drain short

cmd/web: stop signal SIGTERM (Kubernetes' default: deploy/k8s.yaml:9 sets no lifecycle.stopSignal), handled at main.go:15
   0s  SIGTERM -> plugins.Trap                                            main.go:15
   0s  Stop stops within 20s (declared)                                   internal/plugins/plugins.go:22
  20s  process exits
  30s  SIGKILL (terminationGracePeriodSeconds 30s (Kubernetes' default))  deploy/k8s.yaml:7
  nothing is wrong: the drain fits with 10s to spare
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
    unbounded-shutdown main.go:17: kratos's graceful shutdown has no deadline (kratos.StopTimeout is not set): a stuck connection holds the drain until SIGKILL
    unbounded-shutdown main.go:29: kratos's graceful shutdown has no deadline (kratos.StopTimeout is not positive): a stuck connection holds the drain until SIGKILL
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
