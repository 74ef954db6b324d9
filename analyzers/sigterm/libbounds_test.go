package sigterm_test

import (
	"testing"

	"github.com/sigtermlint/sigtermlint/analyzers/sigterm"
	"github.com/sigtermlint/sigtermlint/internal/testmod"
)

// TestEndlessDrains: endless (github.com/fvbock/endless) drains by hand
// on SIGTERM (keep-alives off, listener closed, wait for the
// connections), without (*http.Server).Shutdown. Its programs are not
// no-shutdown. (The wants in testdata/libbounds are the shutdown
// analyzer's; this checks that the sigterm analyzer says nothing there.)
func TestEndlessDrains(t *testing.T) {
	dir := testmod.Module(t, "../..", "libbounds")
	for _, r := range testmod.RunIgnoringWants(t, dir, sigterm.Analyzer, "./endless/...") {
		for _, d := range r.Diagnostics {
			t.Errorf("%s: unexpected %s: %s", r.Pass.Pkg.Path(), d.Category, d.Message)
		}
	}
}
