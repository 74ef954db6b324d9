package main

// Bad input the user can give the command, beyond TestBadInput: values of
// -sigtermlint.stop-timeout, malformed and duplicated directives
// (testdata/e2e-directives), patterns that match nothing, directories
// that do not exist. Each gives an error that names the problem on the
// first line of stderr, an exit status of 1 or 2 (3 for the directives,
// which are findings, not errors: rule-decisions.md), and nothing on
// stdout. Also: two runs print byte-identical output.

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// checkerCascade matches the lines the x/tools checker prints after a
// package fails to load: each analyzer says it was skipped or that its
// prerequisites failed.
var checkerCascade = regexp.MustCompile(`^(sigtermlint|sigtermreach|sigterm|shutdown): (analysis skipped due to errors in package|failed prerequisites: .+)$`)

func TestBadInput2(t *testing.T) {
	t.Parallel()
	bin := sigtermlint(t)
	e2e := testdataDir(t, "e2e")
	dirs := testdataDir(t, "e2e-directives")

	// A bad flag value stops the command before anything is loaded. The
	// flag package prints the error, then the usage; exit 2 (observed).
	for _, tc := range []struct{ value, err string }{
		{"abc", `time: invalid duration "abc"`},
		{"0", "the stop timeout must be positive"},
		{"-5s", "the stop timeout must be positive"},
		{"1e9h", `time: unknown unit "e" in duration "1e9h"`},
		// Overflow: time.ParseDuration says only `invalid duration
		// "1000000000h"`; internal/config says why.
		{"1000000000h", "1000000000h is out of range: the longest duration is 2562047h47m16.854775807s"},
	} {
		t.Run("stop-timeout="+tc.value, func(t *testing.T) {
			t.Parallel()
			r := run(t, e2e, bin, stopTimeoutFlag+"="+tc.value, "./...")
			if r.code != 2 {
				t.Errorf("want exit 2, got\n%s", r)
			}
			if r.stdout != "" {
				t.Errorf("want nothing on stdout, got %q", r.stdout)
			}
			got := strings.Split(r.stderr, "\n")
			want := `invalid value "` + tc.value + `" for flag ` + stopTimeoutFlag + ": " + tc.err
			if got[0] != want {
				t.Errorf("first line of stderr:\n got %q\nwant %q", got[0], want)
			}
			if len(got) < 2 || !strings.HasPrefix(got[1], "Usage of ") {
				t.Errorf("want the usage after the error, got\n%s", r)
			}
			if strings.Count(r.stderr, "invalid value") != 1 || strings.Contains(r.stderr, "main.go") {
				t.Errorf("want one error and no findings, got\n%s", r)
			}
		})
	}

	// Malformed and duplicated directives are bad-directive findings:
	// exit 3 (observed), one line each on stderr, the package still
	// checked (no other finding: every program drains in time).
	for _, tc := range []struct{ pkg, want string }{
		{"./cmd/malformed", `cmd/malformed/main.go:5:1: malformed //sigtermlint:stop-timeout directive: "20 seconds" is not a duration such as 20s; it is ignored`},
		{"./cmd/duplicate", "cmd/duplicate/main.go:5:1: second //sigtermlint:stop-timeout directive with another value (40s, first 20s); the first one wins"},
		{"./cmd/badignore", "cmd/badignore/main.go:4:1: //sigtermlint:ignore needs a category and a reason: //sigtermlint:ignore CATEGORY[,CATEGORY] reason"},
		// The same value twice is not a problem.
		{"./cmd/dupsame", ""},
	} {
		t.Run("directive-"+filepath.Base(tc.pkg), func(t *testing.T) {
			t.Parallel()
			r := run(t, dirs, bin, tc.pkg)
			code := 3
			if tc.want == "" {
				code = 0
			}
			if r.code != code || r.stdout != "" {
				t.Errorf("want exit %d and nothing on stdout, got\n%s", code, r)
			}
			got := relPaths(dirs, r.stderr)
			if tc.want != "" {
				tc.want += "\n"
			}
			if got != tc.want {
				t.Errorf("stderr:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
	t.Run("directive-json", func(t *testing.T) {
		t.Parallel()
		r := run(t, dirs, bin, "-json", "./...")
		if r.code != 0 || r.stderr != "" {
			t.Errorf("want exit 0 and nothing on stderr, got\n%s", r)
		}
		var obj map[string]map[string][]struct{ Category, Posn, Message string }
		if err := json.Unmarshal([]byte(r.stdout), &obj); err != nil {
			t.Fatalf("stdout is not one JSON object: %v\n%s", err, r.stdout)
		}
		n := 0
		for pkg, byAnalyzer := range obj {
			for analyzer, diags := range byAnalyzer {
				for _, d := range diags {
					n++
					if analyzer != "shutdown" || d.Category != "bad-directive" || strings.Contains(pkg, "dupsame") {
						t.Errorf("unexpected %s finding in %s: %+v", analyzer, pkg, d)
					}
				}
			}
		}
		if n != 3 {
			t.Errorf("want 3 bad-directive findings, got %d:\n%s", n, r.stdout)
		}
	})

	// Patterns: exit 1 (observed), nothing on stdout, the problem on the
	// first line.
	for _, tc := range []struct {
		name, pattern string
		first         string // the first line of stderr, dir for the module root
		cascade       bool   // whether the checker's skipped/failed lines follow
	}{
		// go list matches nothing: the command's own one line.
		{"no-match", "example.com/e2e/zzz/...", "sigtermlint: example.com/e2e/zzz/... matched no packages", false},
		{"no-match-relative-dir", "./internal/zzz/...", "-: pattern ./internal/zzz/...: lstat ./internal/zzz/: no such file or directory", true},
		// A missing directory: go list's error as a package error, then
		// the x/tools checker's four lines saying each analyzer was
		// skipped ("sigtermlint: analysis skipped due to errors in
		// package" is the configuration analyzer, not the command).
		// Left to the checker: this test pins the shape.
		{"missing-dir", "./nonexistent", "-: stat DIR/nonexistent: directory not found", true},
		{"missing-dir-absolute", "DIR/nonexistent", "-: stat DIR/nonexistent: directory not found", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := run(t, e2e, bin, strings.ReplaceAll(tc.pattern, "DIR", e2e))
			if r.code != 1 || r.stdout != "" {
				t.Errorf("want exit 1 and nothing on stdout, got\n%s", r)
			}
			got := lines(r.stderr)
			if len(got) == 0 || got[0] != strings.ReplaceAll(tc.first, "DIR", e2e) {
				t.Fatalf("first line of stderr: want %q, got\n%s", tc.first, r)
			}
			rest := got[1:]
			if tc.cascade != (len(rest) > 0) {
				t.Errorf("want the checker's lines after the error: %v, got\n%s", tc.cascade, r)
			}
			for _, l := range rest {
				if !checkerCascade.MatchString(l) {
					t.Errorf("unexpected line %q in\n%s", l, r)
				}
			}
		})
	}
}

// TestDeterministic runs the command twice the same way: the output must
// be byte-identical (diagnostics sorted, JSON keys sorted, no map order
// or timing in it).
func TestDeterministic(t *testing.T) {
	t.Parallel()
	bin := sigtermlint(t)
	for _, tc := range []struct {
		module string
		args   []string
	}{
		{"e2e", []string{"./..."}},
		{"e2e", []string{"-json", "./..."}},
		// Shutdown findings with related positions.
		{"e2e-drain", []string{"-json", "./..."}},
	} {
		t.Run(tc.module+"/"+strings.Join(tc.args, " "), func(t *testing.T) {
			t.Parallel()
			dir := testdataDir(t, tc.module)
			first := run(t, dir, bin, tc.args...)
			second := run(t, dir, bin, tc.args...)
			if first.stdout == "" && first.stderr == "" {
				t.Fatalf("no output to compare:\n%s", first)
			}
			if first.code != second.code || first.stdout != second.stdout || first.stderr != second.stderr {
				t.Errorf("two runs differ:\n--- first:\n%s\n--- second:\n%s", first, second)
			}
		})
	}
}
