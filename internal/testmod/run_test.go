package testmod

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// recordingT is a TB that keeps what RunIgnoringWants reports, so that a
// test can check that it failed without failing itself.
type recordingT struct{ errors []string }

func (*recordingT) Helper() {}

func (r *recordingT) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

// everyFile reports each file's package clause: a finding that no want
// comment expects.
var everyFile = &analysis.Analyzer{
	Name: "everyfile",
	Doc:  "reports every file",
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			pass.Reportf(f.Package, "a file of %s", pass.Pkg.Name())
		}
		return nil, nil
	},
}

// TestRunIgnoringWants checks that a package that loads passes however
// its findings and its want comments differ, and that a missing package
// or one with a type error fails the test.
func TestRunIgnoringWants(t *testing.T) {
	dir := Testdata(t, ".")
	for _, tt := range []struct {
		name     string
		patterns []string
		ran      []string // the packages of the results
		failure  []string // what the failures say, in order; none: passes
	}{
		{"loads", []string{"fine"}, []string{"fine"}, nil},
		{"tree", []string{"fine/..."}, []string{"fine"}, nil},
		{"missing", []string{"nosuch"}, nil, []string{"analysistest: loading [nosuch]", "ran on no package"}},
		{"type error", []string{"broken"}, nil, []string{"analysistest: error analyzing everyfile@broken: analysis skipped due to errors in package", "cannot use \"forty-two\"", "ran on no package"}},
		{"one of two broken", []string{"fine", "broken"}, []string{"fine"}, []string{"analysistest: error analyzing everyfile@broken", "cannot use \"forty-two\"", `ran on no package of pattern "broken"`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var rec recordingT
			results := RunIgnoringWants(&rec, dir, everyFile, tt.patterns...)
			t.Logf("reported: %q", rec.errors)
			var ran []string
			for _, r := range results {
				ran = append(ran, r.Pass.Pkg.Path())
				if len(r.Diagnostics) != 1 {
					t.Errorf("%s: got %d findings, want 1", r.Pass.Pkg.Path(), len(r.Diagnostics))
				}
			}
			if fmt.Sprint(ran) != fmt.Sprint(tt.ran) {
				t.Errorf("results of %v, want %v", ran, tt.ran)
			}
			if len(rec.errors) != len(tt.failure) {
				t.Fatalf("reported %q, want %d failures saying %q", rec.errors, len(tt.failure), tt.failure)
			}
			for i, want := range tt.failure {
				if !strings.Contains(rec.errors[i], want) {
					t.Errorf("failure %d: %q does not say %q", i, rec.errors[i], want)
				}
			}
		})
	}
}

func TestMatches(t *testing.T) {
	dir := filepath.FromSlash("/m")
	for _, tt := range []struct {
		pattern, path, dir string
		want               bool
	}{
		{"a/b", "a/b", "", true},
		{"a/b", "a/bc", "", false},
		{"a/b", "a/b/c", "", false},
		{"a/...", "a", "", true},
		{"a/...", "a/b/c", "", true},
		{"a/...", "ab", "", false},
		{"./x", "mod/x", "/m/x", true},
		{"./x", "mod/x", "/m/y", false},
		{"./x/...", "mod/x/y", "/m/x/y", true},
		{"./x/...", "mod/xy", "/m/xy", false},
		{"./...", "mod", "/m", true},
		{"./...", "mod/x", "/m/x", true},
		{"/m/x", "mod/x", "/m/x", true},
	} {
		got, err := matches(tt.pattern, dir, tt.path, filepath.FromSlash(tt.dir))
		if err != nil || got != tt.want {
			t.Errorf("matches(%q, %q, %q) = %v, %v; want %v", tt.pattern, tt.path, tt.dir, got, err, tt.want)
		}
	}
	if _, err := matches("a/.../b", dir, "a/x/b", ""); err == nil {
		t.Error(`matches("a/.../b"): no error, want one: a ... inside a pattern is not handled`)
	}
}
