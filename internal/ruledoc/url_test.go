package ruledoc_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/analyzers/shutdown"
	"github.com/sigtermlint/sigtermlint/analyzers/sigterm"
	"github.com/sigtermlint/sigtermlint/internal/config"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
	"github.com/sigtermlint/sigtermlint/internal/testmod"
)

// TestDiagnosticURL runs both analyzers on testdata that has findings of
// every category, through the analysis driver (go/analysis/checker, as
// analysistest uses it), and checks the URL the driver resolves from
// Analyzer.URL and Diagnostic.Category: the README section of the rule.
// The standalone command's -json output does not carry the URL (x/tools
// v0.52.0's JSONDiagnostic has no url field, and the text output prints
// none), so the driver's resolution is what is checked here.
func TestDiagnosticURL(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping in -short mode: type-checks net/http from source twice")
	}
	testdata := testmod.Testdata(t, "../..")
	cfg := config.New()
	manifests := filepath.Join(testdata, "manifests", "docker") + "," + filepath.Join(testdata, "manifests", "delivery", "shellform")
	if err := cfg.Flags.Set(config.FlagManifests, manifests); err != nil {
		t.Fatal(err)
	}
	runs := []struct {
		analyzer *analysis.Analyzer
		patterns []string
	}{
		{sigterm.NewWith(cfg), []string{"no-sigterm/...", "no-shutdown/...", "sigint-only/...", "stop-signal/...", "signal-not-delivered/api"}},
		{shutdown.New(), []string{"exit-before-drain/exit/...", "cancelled-context/...", "unbounded-shutdown/context", "shutdown-timeout/timeout/...", "hijacked-not-closed/gorilla", "stream-blocks-drain/sse", "drain-delay-too-short/writetimeout", "drain-delay-too-long/default", "no-deregistration-wait/bare", "bad-directive"}},
	}
	seen := map[string]bool{}
	for _, run := range runs {
		// The findings themselves are the analyzers' tests' business.
		for _, res := range testmod.RunIgnoringWants(t, testdata, run.analyzer, run.patterns...) {
			for _, d := range res.Diagnostics {
				seen[d.Category] = true
				if want := ruledoc.URL(d.Category); d.URL != want {
					t.Errorf("%s: %s finding links to %q, want %q", res.Action.Package.PkgPath, d.Category, d.URL, want)
				}
			}
		}
	}
	for _, r := range all() {
		if !seen[r.Category] {
			t.Errorf("no %s finding in the testdata: its URL is unchecked", r.Category)
		}
	}
}
