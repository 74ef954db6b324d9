package main

// End-to-end tests of -explain: the built binary on examples/slowdrain,
// in text (docs/explain.md shows this run) and with -json, and its bad input.
//
// Observed: the timeline on stdout, exit 0 with findings (explain is a
// report, not a gate); a bad flag exits 2 with the error and the usage
// on stderr; a pattern with no main package, or packages that do not
// type-check, exit 1 with the errors on stderr; nothing on stdout then.

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// slowdrainTimeline is what docs/explain.md shows for examples/slowdrain.
const slowdrainTimeline = `examples/slowdrain: stop signal SIGTERM (the default), handled at main.go:19
   0s  SIGTERM -> signal.NotifyContext          main.go:19
   0s  sleep 5s                                 main.go:29
   5s  Shutdown deadline 30s                    main.go:32
  30s  SIGKILL (stop timeout 30s)               the default
  35s  the drain would end here, after SIGKILL
  server srv (Shutdown at main.go:32): longest request unbounded: no WriteTimeout or http.TimeoutHandler
    (some of its handlers could not be followed)
  1 finding:
    shutdown-timeout main.go:32: shutdown may take 35s but the stop timeout is 30s: SIGKILL cuts the drain short
`

func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func TestExplainText(t *testing.T) {
	t.Parallel()
	bin := sigtermlint(t)
	r := run(t, repoRoot(t), bin, "-explain", "./examples/slowdrain")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("want exit 0 and nothing on stderr, got\n%s", r)
	}
	if r.stdout != slowdrainTimeline {
		t.Errorf("stdout:\n%s\nwant:\n%s", r.stdout, slowdrainTimeline)
	}
	// docs/explain.md shows this run: keep it the real output.
	page, err := os.ReadFile(filepath.Join(repoRoot(t), "docs", "explain.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "$ sigtermlint -explain ./examples/slowdrain\n"+r.stdout) {
		t.Errorf("docs/explain.md does not show this run of -explain on examples/slowdrain:\n%s", r.stdout)
	}
}

func TestExplainJSON(t *testing.T) {
	t.Parallel()
	bin := sigtermlint(t)
	r := run(t, repoRoot(t), bin, "-explain", "-json", "./examples/slowdrain")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("want exit 0 and nothing on stderr, got\n%s", r)
	}
	var got []struct {
		Dir      string
		Timeline []struct {
			Kind   string
			At     *float64
			What   string
			Posn   string
			Source string
		}
		Exit     struct{ At *float64 }
		Findings []struct{ Analyzer, Category, Posn string }
		Verdict  string
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("stdout is not the JSON array: %v\n%s", err, r.stdout)
	}
	if len(got) != 1 || got[0].Dir != "examples/slowdrain" {
		t.Fatalf("want one program, examples/slowdrain, got\n%s", r.stdout)
	}
	p := got[0]
	var rows []string
	for _, row := range p.Timeline {
		at := "null"
		if row.At != nil {
			at = fmtSeconds(*row.At)
		}
		rows = append(rows, at+" "+row.Kind+" "+row.Posn+row.Source)
	}
	want := []string{"0 signal main.go:19", "0 sleep main.go:29", "5 stop main.go:32", "30 sigkill the default", "35 exit "}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("timeline:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	if p.Exit.At == nil || *p.Exit.At != 35 {
		t.Errorf("exit: %v, want 35", p.Exit.At)
	}
	if len(p.Findings) != 1 || p.Findings[0].Category != "shutdown-timeout" || p.Findings[0].Analyzer != "shutdown" || p.Findings[0].Posn != "main.go:32" {
		t.Errorf("findings: %+v, want one shutdown-timeout at main.go:32", p.Findings)
	}
}

func fmtSeconds(s float64) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestExplainBadInput(t *testing.T) {
	t.Parallel()
	bin := sigtermlint(t)
	root := repoRoot(t)
	for _, tc := range []struct {
		name  string
		dir   string
		args  []string
		code  int
		first string // the first line of stderr
	}{
		{"unknown flag", root, []string{"-explain", "-fix", "./examples/slowdrain"}, 2, "flag provided but not defined: -fix"},
		{"malformed duration", root, []string{"-explain", stopTimeoutFlag + "=soon", "./examples/slowdrain"}, 2,
			`invalid value "soon" for flag -sigtermlint.stop-timeout: time: invalid duration "soon"`},
		{"no patterns", root, []string{"-explain"}, 2, "sigtermlint: -explain needs package patterns, e.g. ./cmd/api or ./..."},
		{"no main package", root, []string{"-explain", "./internal/config"}, 1,
			"sigtermlint: no main package matches ./internal/config: -explain shows the stop of programs"},
		{"type errors", testdataDir(t, "e2e-broken"), []string{"-explain", "./..."}, 1, "sigtermlint: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := run(t, tc.dir, bin, tc.args...)
			if r.code != tc.code || r.stdout != "" {
				t.Fatalf("want exit %d and nothing on stdout, got\n%s", tc.code, r)
			}
			if first, _, _ := strings.Cut(r.stderr, "\n"); !strings.HasPrefix(first, tc.first) {
				t.Errorf("first line of stderr %q, want %q", first, tc.first)
			}
			if usage := strings.Contains(r.stderr, "usage: sigtermlint -explain"); usage != (tc.code == 2) {
				t.Errorf("usage on stderr: %v, want it exactly for exit 2:\n%s", usage, r.stderr)
			}
		})
	}
}

// TestExplainExitOrder runs -explain on the exit-order shapes of the
// analysistest fixtures (testdata/src/exit-before-drain/order), copied into the
// module of testdata/e2e-order (which holds only its go.mod, for
// errgroup): the process exits as the drain starts (0s) where the stop
// model finds exit-before-drain, and when the drain ends (10s) where the
// program waits for it.
func TestExplainExitOrder(t *testing.T) {
	t.Parallel()
	bin := sigtermlint(t)
	dir := copyModule(t, "e2e-order")
	fixtures := filepath.Join(testdataDir(t, "src"), "exit-before-drain", "order")
	for _, pkg := range []string{"shape1", "shape1wait", "shape2", "shape3", "shape3lib", "shape4", "shape4wait", "shape5", "shape6", "shape6lib"} {
		src, err := os.ReadFile(filepath.Join(fixtures, pkg, "main.go"))
		if os.IsNotExist(err) {
			src, err = os.ReadFile(filepath.Join(fixtures, pkg, "lib.go"))
		}
		if err != nil {
			t.Fatal(err)
		}
		sub := "cmd"
		if strings.HasSuffix(pkg, "lib") {
			sub = "order"
		}
		out := filepath.Join(dir, sub, pkg)
		if err := os.MkdirAll(out, 0o755); err != nil {
			t.Fatal(err)
		}
		src = []byte(strings.ReplaceAll(string(src), `"exit-before-drain/order/`, `"e2eorder/order/`))
		if err := os.WriteFile(filepath.Join(out, "main.go"), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := run(t, dir, bin, "-explain", "./cmd/...")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("want exit 0 and nothing on stderr, got\n%s", r)
	}
	// The exit row of each program.
	exits := map[string]string{}
	var prog string
	for _, l := range strings.Split(r.stdout, "\n") {
		if name, _, ok := strings.Cut(l, ": stop signal"); ok && !strings.HasPrefix(l, " ") {
			prog = name
		}
		if strings.Contains(l, "process exits") && exits[prog] == "" {
			exits[prog] = strings.Join(strings.Fields(l), " ")
		}
	}
	early := "0s process exits: as the drain starts (exit-before-drain) "
	want := map[string]string{
		"cmd/shape1":     early + "main.go:28",
		"cmd/shape2":     early + "main.go:34",
		"cmd/shape3":     early + "main.go:17",
		"cmd/shape4":     early + "main.go:36",
		"cmd/shape5":     early + "main.go:24",
		"cmd/shape6":     early + "main.go:12",
		"cmd/shape1wait": "10s process exits",
		"cmd/shape4wait": "10s process exits",
	}
	for p, w := range want {
		if exits[p] != w {
			t.Errorf("%s: exit row %q, want %q", p, exits[p], w)
		}
	}
	if len(exits) != len(want) {
		t.Errorf("exit rows for %d programs, want %d:\n%s", len(exits), len(want), r.stdout)
	}
}
