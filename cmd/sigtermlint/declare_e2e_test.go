package main

import (
	"slices"
	"strings"
	"testing"
)

// TestDeclareE2E runs the built binary on testdata/e2e-declare, whose
// plugins package declares that its functions serve, handle SIGTERM and
// stop within 20s: the declarations must cross packages through facts,
// also under go vet, where each package is analyzed in its own process.
// cmd/api uses all three, and its 10s stop timeout is too short for the
// declared 20s (shutdown-timeout at the call, judged in package main);
// cmd/web, its twin bound to a 30s deployment, is clean; cmd/worker only
// serves (no-sigterm),
// cmd/batch is bound by //sigtermlint:manifest to a deployment that does
// not name it (shutdown-timeout against its 10s) while the repository's
// Dockerfile still gives its image's STOPSIGNAL (stop-signal), and
// cmd/typo misspells a directive (bad-directive).
func TestDeclareE2E(t *testing.T) {
	t.Parallel()
	bin := sigtermlint(t)
	dir := testdataDir(t, "e2e-declare")
	want := []string{
		"cmd/api/main.go:17:2: shutdown may take 20s but the stop timeout is 10s (terminationGracePeriodSeconds 10s at deploy/k8s.yaml:19; the smallest of 2 deployments, none naming api): SIGKILL cuts the drain short",
		"cmd/batch/main.go:17:6: the deployment stops this program with SIGQUIT (STOPSIGNAL at Dockerfile:8), which it does not handle: in-flight requests are cut off",
		"cmd/batch/main.go:25:2: shutdown may take 20s but the stop timeout is 10s (terminationGracePeriodSeconds 10s at deploy/k8s.yaml:19): SIGKILL cuts the drain short",
		"cmd/typo/main.go:4:1: unknown directive //sigtermlint:handle: the directives are",
		"cmd/worker/main.go:12:2: server started via plugins.Serve (declared by //sigtermlint:serves) never handles SIGTERM",
	}
	check := func(t *testing.T, out string) {
		t.Helper()
		got := findingLines(relPaths(dir, out))
		slices.Sort(got)
		if len(got) != len(want) {
			t.Fatalf("want %d findings, got %q", len(want), got)
		}
		for i := range want {
			if !strings.HasPrefix(got[i], want[i]) {
				t.Errorf("finding %d:\n got %s\nwant %s...", i, got[i], want[i])
			}
		}
	}
	t.Run("cli", func(t *testing.T) {
		t.Parallel()
		r := run(t, dir, bin, "./...")
		if r.code != 3 {
			t.Fatalf("want exit 3, got\n%s", r)
		}
		check(t, r.stderr)
	})
	t.Run("go-vet", func(t *testing.T) {
		t.Parallel()
		r := run(t, dir, goTool(t), "vet", "-vettool="+bin, "./...")
		if r.code == 0 {
			t.Fatalf("want non-zero exit, got\n%s", r)
		}
		check(t, r.stderr)
	})
}
