package config_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/sigtermlint/sigtermlint/analyzers/shutdown"
	"github.com/sigtermlint/sigtermlint/internal/config"
)

const reloadMain = `package main

import (
	"context"
	"net/http"
	"time"
)

%s
func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
}
`

// deployment is a Kubernetes Pod of one container, with comment lines
// before it (moving its lines down).
func deployment(comments int, name string, grace int) string {
	return strings.Repeat("# comment\n", comments) + fmt.Sprintf(`apiVersion: v1
kind: Pod
metadata:
  name: %[1]s
spec:
  terminationGracePeriodSeconds: %[2]d
  containers:
    - name: %[1]s
      command: ["/%[1]s"]
      image: example.com/%[1]s
`, name, grace)
}

// TestManifestEditsSeenByTheNextRun runs the shutdown analyzer twice in
// one process, on packages loaded once (one FileSet), and edits the
// manifests in between: the second run sees the new stop timeouts and
// points at their new lines, whether the manifests were found below the
// module root, named by -sigtermlint.manifests, or bound with a
// //sigtermlint:manifest declaration.
func TestManifestEditsSeenByTheNextRun(t *testing.T) {
	if testing.Short() {
		t.Skip("loads net/http and its dependencies from source")
	}
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/shop\n\ngo 1.26\n")
	write("cmd/api/main.go", fmt.Sprintf(reloadMain, ""))
	write("cmd/bound/main.go", fmt.Sprintf(reloadMain, "//sigtermlint:manifest ../../ops/jobs.yaml#worker\n"))
	write("deploy/k8s.yaml", deployment(0, "api", 20))
	write("ops/jobs.yaml", deployment(0, "worker", 10))

	pkgs, err := packages.Load(&packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  dir,
		Env:  append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod"),
	}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("the test module does not load")
	}

	// run returns the shutdown-timeout finding of each program, with the
	// file and line of its related information.
	run := func(a *analysis.Analyzer) map[string]string {
		t.Helper()
		graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, &checker.Options{Sequential: true})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for act := range graph.All() {
			if act.Err != nil {
				t.Fatalf("%s on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
			}
			if !act.IsRoot {
				continue
			}
			for _, d := range act.Diagnostics {
				s := strings.ReplaceAll(d.Message, dir+string(filepath.Separator), "")
				for _, r := range d.Related {
					p := act.Package.Fset.Position(r.Pos)
					if strings.HasSuffix(p.Filename, ".go") {
						continue // the waits in the program, not the manifest line
					}
					rel, _ := filepath.Rel(dir, p.Filename)
					s += fmt.Sprintf(" [related %s:%d]", filepath.ToSlash(rel), p.Line)
				}
				got[filepath.Base(act.Package.PkgPath)] = s
			}
		}
		return got
	}
	check := func(what string, got map[string]string, want map[string]string) {
		t.Helper()
		for prog, w := range want {
			if !strings.Contains(got[prog], w) {
				t.Errorf("%s, %s: got %q, want it to contain %q", what, prog, got[prog], w)
			}
		}
	}

	auto := shutdown.NewWith(config.New())
	check("auto, first run", run(auto), map[string]string{
		"api":   "stop timeout is 20s (terminationGracePeriodSeconds 20s at deploy/k8s.yaml:6): SIGKILL cuts the drain short [related deploy/k8s.yaml:6]",
		"bound": "stop timeout is 10s (terminationGracePeriodSeconds 10s at ops/jobs.yaml:6): SIGKILL cuts the drain short [related ops/jobs.yaml:6]",
	})
	// The edits move the lines past the files' old ends.
	write("deploy/k8s.yaml", deployment(12, "api", 15))
	write("ops/jobs.yaml", deployment(12, "worker", 12))
	check("auto, after the edits", run(auto), map[string]string{
		"api":   "stop timeout is 15s (terminationGracePeriodSeconds 15s at deploy/k8s.yaml:18): SIGKILL cuts the drain short [related deploy/k8s.yaml:18]",
		"bound": "stop timeout is 12s (terminationGracePeriodSeconds 12s at ops/jobs.yaml:18): SIGKILL cuts the drain short [related ops/jobs.yaml:18]",
	})

	cfg := config.New()
	if err := cfg.Flags.Set(config.FlagManifests, filepath.Join(dir, "deploy", "k8s.yaml")); err != nil {
		t.Fatal(err)
	}
	paths := shutdown.NewWith(cfg)
	check("-manifests, first run", run(paths), map[string]string{
		"api": "stop timeout is 15s (terminationGracePeriodSeconds 15s at deploy/k8s.yaml:18): SIGKILL cuts the drain short [related deploy/k8s.yaml:18]",
	})
	write("deploy/k8s.yaml", deployment(25, "api", 25))
	check("-manifests, after the edit", run(paths), map[string]string{
		"api": "stop timeout is 25s (terminationGracePeriodSeconds 25s at deploy/k8s.yaml:31): SIGKILL cuts the drain short [related deploy/k8s.yaml:31]",
	})
}
