package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"
)

// TestFixesConverge applies -fix, the way users do, to every package that
// gets a suggested fix (the bundled examples, and every analysistest
// package of testdata/src), and checks that each fixed package builds,
// passes go vet, and gets no finding of a fixed category and no finding
// it did not have before.
func TestFixesConverge(t *testing.T) {
	bin := sigtermlint(t)
	t.Run("examples", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		root := filepath.Join("..", "..")
		for _, f := range []string{"go.mod", "go.sum"} {
			data, err := os.ReadFile(filepath.Join(root, f))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.CopyFS(filepath.Join(dir, "examples"), os.DirFS(filepath.Join(root, "examples"))); err != nil {
			t.Fatal(err)
		}
		n := converge(t, bin, dir, nil, "./examples/...")
		if n == 0 {
			t.Fatal("no example got a suggested fix: the examples' fixes are not tested")
		}
	})
	t.Run("testdata/src", func(t *testing.T) {
		t.Parallel()
		gopath := t.TempDir()
		src := filepath.Join(gopath, "src")
		if err := os.CopyFS(src, os.DirFS(filepath.Join("..", "..", "testdata", "src"))); err != nil {
			t.Fatal(err)
		}
		n := converge(t, bin, src, []string{"GO111MODULE=off", "GOPATH=" + gopath}, "./...")
		if n < 20 {
			t.Fatalf("only %d packages of testdata/src got suggested fixes: did they load?", n)
		}
	})
}

// converge runs the check in dir on the packages matching pattern, and
// returns how many packages had fixes.
func converge(t *testing.T, bin, dir string, extraEnv []string, pattern string) int {
	t.Helper()
	before := findingsByPkg(t, runEnv(t, dir, extraEnv, bin, "-json", pattern), dir)
	if len(before) == 0 {
		t.Fatalf("%s: no package analyzed", pattern)
	}
	var fixed []string
	for pkg, ds := range before {
		if slices.ContainsFunc(ds, func(d convergeDiag) bool { return d.fixes }) {
			fixed = append(fixed, pkg)
		}
	}
	sort.Strings(fixed)
	if len(fixed) == 0 {
		return 0
	}
	// One run each, over all of them: every run loads and type-checks
	// the standard library from source.
	if r := runEnv(t, dir, extraEnv, bin, append([]string{"-fix"}, fixed...)...); r.code != 0 && r.code != 3 {
		t.Fatalf("-fix: %s", r)
	}
	if r := runEnv(t, dir, extraEnv, goTool(t), append([]string{"vet"}, fixed...)...); r.code != 0 {
		t.Errorf("the fixed packages do not pass go vet:\n%s", r)
	}
	after := findingsByPkg(t, runEnv(t, dir, extraEnv, bin, append([]string{"-json"}, fixed...)...), dir)
	for _, pkg := range fixed {
		cats := map[string]bool{}
		had := map[string]int{}
		for _, d := range before[pkg] {
			if d.fixes {
				cats[d.Category] = true
			}
			had[d.Category+": "+d.Message]++
		}
		for _, d := range after[pkg] {
			key := d.Category + ": " + d.Message
			switch {
			case cats[d.Category]:
				t.Errorf("%s: after -fix, still %s at %s: %s", pkg, d.Category, d.Posn, d.Message)
			case maskedBy(d.Category, cats):
				// One report per site, the first rule that applies:
				// the fixed finding hid this one, which was there.
			case had[key] == 0:
				t.Errorf("%s: after -fix, a new finding at %s: %s", pkg, d.Posn, key)
			default:
				had[key]--
			}
		}
	}
	return len(fixed)
}

// maskedBy reports whether a finding of category cat can have been
// hidden by one of the fixed categories: the sigterm analyzer reports
// no-sigterm, sigint-only, no-shutdown at a serve call, the shutdown
// analyzer cancelled-context, unbounded-shutdown, shutdown-timeout at a
// stop, the first that applies; and a drain nobody waits for has no
// deadline worth reporting until the exit-before-drain fix makes the
// program wait for it.
func maskedBy(cat string, fixed map[string]bool) bool {
	for _, order := range [][]string{
		{"no-sigterm", "sigint-only", "no-shutdown"},
		{"cancelled-context", "unbounded-shutdown", "shutdown-timeout"},
		{"exit-before-drain", "unbounded-shutdown", "shutdown-timeout"},
	} {
		i := slices.Index(order, cat)
		for j := 0; j < i; j++ {
			if fixed[order[j]] {
				return true
			}
		}
	}
	return false
}

type convergeDiag struct {
	Category string `json:"category"`
	Posn     string `json:"posn"`
	Message  string `json:"message"`
	fixes    bool
}

// findingsByPkg reads -json output: the findings of each package, by
// import path (or the ./relative directory for GOPATH-less patterns).
func findingsByPkg(t *testing.T, r result, dir string) map[string][]convergeDiag {
	t.Helper()
	if r.code != 0 {
		t.Fatalf("-json: %s", r)
	}
	var out map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("-json output: %v\n%s", err, r.stdout)
	}
	byPkg := map[string][]convergeDiag{}
	for pkg, analyzers := range out {
		byPkg[pkg] = nil
		for name, raw := range analyzers {
			var ds []struct {
				convergeDiag
				SuggestedFixes []json.RawMessage `json:"suggested_fixes"`
			}
			if err := json.Unmarshal(raw, &ds); err != nil {
				t.Fatalf("%s %s did not run: %s", pkg, name, raw)
			}
			for _, d := range ds {
				d.convergeDiag.fixes = len(d.SuggestedFixes) > 0
				d.convergeDiag.Posn = relPaths(dir, d.convergeDiag.Posn)
				byPkg[pkg] = append(byPkg[pkg], d.convergeDiag)
			}
		}
	}
	return byPkg
}
