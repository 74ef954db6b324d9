package testmod

import (
	"fmt"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TB is the part of testing.TB that RunIgnoringWants reports to.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
}

// RunIgnoringWants runs analysistest.Run for a test that checks the
// results by hand: the // want comments of the packages are not
// checked, but t fails unless every package loaded, type-checked and
// was analyzed. analysistest reports a load failure only to its
// testing.T and then returns no results, and a package with type errors
// as a result whose Err is set: with a testing.T that swallows
// everything, a test whose loops over the results find nothing passes
// empty. RunIgnoringWants fails t when analysistest reports a load or
// analysis failure, when a result has Err set or its package has
// errors, and when a pattern matches no analyzed package. It returns
// the results of the packages that were analyzed (Err nil, Pass set).
//
// Patterns are import paths, or directories, absolute or relative to dir
// (./x); either may end in /...; a pattern of another form fails t.
func RunIgnoringWants(t TB, dir string, a *analysis.Analyzer, patterns ...string) []*analysistest.Result {
	t.Helper()
	var rec recorder
	results := analysistest.Run(&rec, dir, a, patterns...)
	for _, msg := range rec.failures {
		t.Errorf("analysistest: %s", msg)
	}
	var ran []*analysistest.Result
	for _, r := range results {
		pkg := r.Action.Package
		for _, err := range pkg.Errors {
			t.Errorf("%s: %v", pkg.ID, err)
		}
		switch {
		case r.Err != nil:
			if len(rec.failures) == 0 {
				t.Errorf("%s: %s was not run: %v", pkg.ID, a.Name, r.Err)
			}
		case r.Pass == nil || len(pkg.Errors) > 0:
			t.Errorf("%s: %s was not run on a well-typed package", pkg.ID, a.Name)
		default:
			ran = append(ran, r)
		}
	}
	if len(ran) == 0 {
		t.Errorf("%s ran on no package of %q in %s", a.Name, patterns, dir)
		return nil
	}
	for _, pattern := range patterns {
		found := false
		for _, r := range ran {
			ok, err := matches(pattern, dir, r.Action.Package.PkgPath, r.Action.Package.Dir)
			if err != nil {
				t.Errorf("%v", err)
				break
			}
			if ok {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("%s ran on no package of pattern %q", a.Name, pattern)
		}
	}
	return ran
}

// recorder is the testing.T that RunIgnoringWants hands to analysistest:
// it keeps the messages that say a package failed to load or to be
// analyzed, and drops the others, the mismatches with // want comments.
type recorder struct{ failures []string }

// analysistest's (x/tools v0.52.0) formats of the messages that say that
// loading or analysis failed; its other messages are about // want
// comments. Should a later x/tools word them differently, the checks of
// the results still catch what they report.
var failureFormats = []string{
	"loading %s: %v",         // go/packages failed, or no package matched
	"Analyze: %v",            // the checker failed
	"error analyzing %s: %v", // Err set: type errors, a failed prerequisite
}

func (r *recorder) Errorf(format string, args ...any) {
	for _, f := range failureFormats {
		if format == f {
			r.failures = append(r.failures, fmt.Sprintf(format, args...))
			return
		}
	}
}

// matches reports whether pattern names the package of path pkgPath in
// directory pkgDir; a relative directory pattern is taken from dir.
func matches(pattern, dir, pkgPath, pkgDir string) (bool, error) {
	name, tree := strings.CutSuffix(pattern, "/...")
	if pattern == "..." || strings.Contains(name, "...") {
		return false, fmt.Errorf("pattern %q: RunIgnoringWants takes import paths and ./directories, with or without a trailing /...", pattern)
	}
	got, sep := pkgPath, "/"
	switch {
	case filepath.IsAbs(name):
		got, sep = pkgDir, string(filepath.Separator)
	case name == "." || name == ".." || strings.HasPrefix(name, "./") || strings.HasPrefix(name, "../"):
		name, got, sep = filepath.Join(dir, filepath.FromSlash(name)), pkgDir, string(filepath.Separator)
	}
	return got == name || tree && strings.HasPrefix(got, strings.TrimSuffix(name, sep)+sep), nil
}
