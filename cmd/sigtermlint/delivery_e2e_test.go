package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestDeliveryE2E runs the binary on testdata/e2e-delivery: two correct
// programs (SIGTERM handled, drained in 5s); cmd/api's image starts it
// with a shell-form CMD on Debian, cmd/worker's through an entrypoint
// script that execs it. Exactly one finding, signal-not-delivered on
// cmd/api, standalone (text and -json) and under go vet.
func TestDeliveryE2E(t *testing.T) {
	t.Parallel()
	bin := sigtermlint(t)
	dir := testdataDir(t, "e2e-delivery")
	const wantMsg = "SIGTERM never reaches this program, run under a shell that stays PID 1 (docker/api.Dockerfile:11)"

	t.Run("text", func(t *testing.T) {
		t.Parallel()
		r := run(t, dir, bin, "./...")
		if r.code != 3 {
			t.Fatalf("want exit 3, got\n%s", r)
		}
		got := findingLines(relPaths(dir, r.stderr))
		if len(got) != 1 || !strings.HasPrefix(got[0], "cmd/api/main.go:12:6: "+wantMsg) {
			t.Errorf("want one finding at cmd/api/main.go:12:6, got %q", got)
		}
	})

	t.Run("json", func(t *testing.T) {
		t.Parallel()
		r := run(t, dir, bin, "-json", "./...")
		if r.code != 0 {
			t.Fatalf("want exit 0, got\n%s", r)
		}
		byPkg := vetJSONFindings(t, dir, r.stdout)
		var all []jsonDiag
		for _, ds := range byPkg {
			all = append(all, ds...)
		}
		if len(all) != 1 {
			t.Fatalf("want one diagnostic, got %+v", all)
		}
		d := all[0]
		if d.Category != "signal-not-delivered" || d.Posn != "cmd/api/main.go:12:6" || !strings.HasPrefix(d.Message, wantMsg) {
			t.Errorf("got %s at %s: %s", d.Category, d.Posn, d.Message)
		}
		if len(d.Related) != 1 || d.Related[0].Posn != "docker/api.Dockerfile:11:1" {
			t.Errorf("want related at docker/api.Dockerfile:11:1, got %+v", d.Related)
		}
	})

	t.Run("go-vet", func(t *testing.T) {
		t.Parallel()
		r := run(t, dir, goTool(t), "vet", "-vettool="+bin, "./...")
		if r.code == 0 {
			t.Fatalf("want non-zero exit, got\n%s", r)
		}
		got := findingLines(relPaths(dir, r.stderr))
		if len(got) != 1 || !strings.Contains(got[0], "cmd/api/main.go:12:6: "+wantMsg) {
			t.Errorf("want one finding at cmd/api/main.go:12:6, got %q", got)
		}
	})
}

// findingLines are the lines of out that report a finding (not the
// related positions, which are indented, nor go vet's "# pkg" headers).
func findingLines(out string) []string {
	var got []string
	for _, l := range lines(out) {
		if strings.Contains(l, ".go:") && !strings.HasPrefix(l, "#") && !strings.Contains(l, "\t") {
			got = append(got, strings.TrimPrefix(l, "./"))
		}
	}
	return got
}

// TestFlyExampleE2E: a SIGINT-only program whose only deployment file is
// example/fly.toml (kill_signal SIGINT, an app that does not name the
// program, below the module root: jpillora/chisel's shape) is still
// sigint-only under auto discovery; the same file given with -manifests
// is taken as its deployment.
func TestFlyExampleE2E(t *testing.T) {
	t.Parallel()
	bin := sigtermlint(t)
	dir := testdataDir(t, "e2e-flyexample")
	r := run(t, dir, bin, "./...")
	got := findingLines(relPaths(dir, r.stderr))
	if r.code != 3 || len(got) != 1 || !strings.Contains(got[0], "main.go:18:5: server started via (*http.Server).ListenAndServe handles SIGINT, not SIGTERM") {
		t.Errorf("auto: want exit 3 and one sigint-only finding, got %q\n%s", got, r)
	}
	r = run(t, dir, bin, "-sigtermlint.manifests=example/fly.toml", "./...")
	if r.code != 0 || r.stderr != "" {
		t.Errorf("-manifests=example/fly.toml: want no finding (fly stops it with SIGINT), got\n%s", r)
	}
}

// TestNestedModuleE2E: the Go module is in backend/ of a repository whose
// deployment files (fly.toml, compose.yaml) are at its root, marked by a
// go.work (a .git directory would do the same). manifests=auto searches
// from the repository root: fly's 6s kill_timeout is under the 8s drain,
// and compose stops the program with SIGQUIT. Without manifests there is
// nothing to report, so both findings come from the root-level files.
func TestNestedModuleE2E(t *testing.T) {
	t.Parallel()
	bin := sigtermlint(t)
	dir := filepath.Join(testdataDir(t, "e2e-nested"), "backend")
	r := run(t, dir, bin, "./...")
	got := findingLines(relPaths(dir, r.stderr))
	want := []string{
		"cmd/api/main.go:16:6: the deployment stops this program with SIGQUIT (stop_signal at ../compose.yaml:7), which it does not handle: in-flight requests are cut off",
		"cmd/api/main.go:28:12: shutdown may take 8s but the stop timeout is 6s (kill_timeout 6s at ../fly.toml:5; the smallest of 2 deployments of api): SIGKILL cuts the drain short",
	}
	if r.code != 3 || !slices.Equal(got, want) {
		t.Errorf("auto: want exit 3 and\n%s\ngot %q\n%s", strings.Join(want, "\n"), got, r)
	}
	r = run(t, dir, bin, "-sigtermlint.manifests=off", "./...")
	if r.code != 0 || r.stderr != "" {
		t.Errorf("-sigtermlint.manifests=off: want no finding, got\n%s", r)
	}
}
