package sigterm_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sigtermlint/sigtermlint/analyzers/sigterm"
	"github.com/sigtermlint/sigtermlint/internal/config"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
	"github.com/sigtermlint/sigtermlint/internal/testmod"
)

func testdata(t *testing.T) string { return testmod.Testdata(t, "../..") }

func TestRules(t *testing.T) {
	analysistest.Run(t, testdata(t), sigterm.Analyzer,
		"no-sigterm/...",
		"no-shutdown/...",
		"sigterm/clean/...",
		"crosspkg/...",
		"sigterm/regress/...",
	)
}

func TestSIGINTOnlyFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(t), sigterm.Analyzer, "sigint-only/...", "crosspkg/cmd/paramint")
}

// TestStopSignal reads the images' STOPSIGNAL from Dockerfiles given with
// -sigtermlint.manifests.
func TestStopSignal(t *testing.T) {
	cfg := config.New()
	if err := cfg.Flags.Set(config.FlagManifests, filepath.Join(testdata(t), "manifests", "docker")); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata(t), sigterm.NewWith(cfg), "stop-signal/...")
	// Without the manifests, the SIGINT-only program is sigint-only again.
	off := config.New()
	if err := off.Flags.Set(config.FlagManifests, "off"); err != nil {
		t.Fatal(err)
	}
	results := testmod.RunIgnoringWants(t, testdata(t), sigterm.NewWith(off), "stop-signal/stopint")
	var cats []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			cats = append(cats, d.Category)
		}
	}
	if len(cats) != 1 || cats[0] != ruledoc.SIGINTOnly {
		t.Errorf("stopint without manifests: got %v, want one sigint-only", cats)
	}
}

// TestIgnore checks //sigtermlint:ignore directives of sigterm
// categories: suppressed findings, stale and misdirected ignores, and
// directives that name a category of each analyzer.
func TestIgnore(t *testing.T) {
	cfg := config.New()
	dir := filepath.Join(testdata(t), "src", "ignore", "manifests")
	if err := cfg.Flags.Set(config.FlagManifests, filepath.Join(dir, "Dockerfile")+","+filepath.Join(dir, "shell.Dockerfile")); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata(t), sigterm.NewWith(cfg), "ignore/sigterm/...", "ignore/both/used", "ignore/both/shutdownpart")
	// The sigterm part is used; the want there is the shutdown analyzer's.
	for _, r := range testmod.RunIgnoringWants(t, testdata(t), sigterm.Analyzer, "ignore/both/sigtermpart") {
		for _, d := range r.Diagnostics {
			t.Errorf("ignore/both/sigtermpart: unexpected %s: %s", d.Category, d.Message)
		}
	}
}

// TestSwitches runs with -sigtermlint.disable=no-sigterm: the server that
// never handles SIGTERM is not reported, nor is the ignore naming the
// switched-off category as stale.
func TestSwitches(t *testing.T) {
	cfg := config.New()
	if err := cfg.Flags.Set(config.FlagDisable, "no-sigterm"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata(t), sigterm.NewWith(cfg), "switches/nosigterm", "switches/nosigtermplain")
}
