package shutdown_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sigtermlint/sigtermlint/analyzers/shutdown"
	"github.com/sigtermlint/sigtermlint/internal/config"
	"github.com/sigtermlint/sigtermlint/internal/testmod"
)

func testdata(t *testing.T) string { return testmod.Testdata(t, "../..") }

func TestRules(t *testing.T) {
	analysistest.Run(t, testdata(t), shutdown.New(),
		"shutdown/exit/...",
		"shutdown/cancelled/...",
		"shutdown/unbounded",
		"shutdown/timeout/...",
		"shutdown/directive",
		"shutdown/baddirective",
		"shutdown/helper/...",
		"shutdown/regress/...",
	)
}

// TestStopTimeoutFlag runs with -sigtermlint.stop-timeout=5s.
func TestStopTimeoutFlag(t *testing.T) {
	cfg := config.New()
	if err := cfg.Flags.Set(config.FlagStopTimeout, "5s"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata(t), shutdown.NewWith(cfg), "shutdown/flagged")
}

// TestPlatform runs with -sigtermlint.platform=docker: docker stop waits
// 10s, and an explicit -stop-timeout wins over the preset.
func TestPlatform(t *testing.T) {
	cfg := config.New()
	if err := cfg.Flags.Set(config.FlagPlatform, "docker"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata(t), shutdown.NewWith(cfg), "shutdown/platform")

	cfg = config.New()
	for flag, v := range map[string]string{config.FlagPlatform: "docker", config.FlagStopTimeout: "1m"} {
		if err := cfg.Flags.Set(flag, v); err != nil {
			t.Fatal(err)
		}
	}
	analysistest.Run(t, testdata(t), shutdown.NewWith(cfg), "shutdown/platformoverridden")
}

// TestManifests reads the stop timeout from a Kubernetes manifest, and
// checks the precedence: directive, then -stop-timeout, then manifests,
// then -platform.
func TestManifests(t *testing.T) {
	manifest := filepath.Join(testdata(t), "manifests", "k8s.yaml")
	withFlags := func(flags map[string]string) *analysis.Analyzer {
		cfg := config.New()
		for name, v := range flags {
			if err := cfg.Flags.Set(name, v); err != nil {
				t.Fatal(err)
			}
		}
		return shutdown.NewWith(cfg)
	}
	// The manifest's 20s beats the docker preset's 10s: a finding at 22s.
	analysistest.Run(t, testdata(t), withFlags(map[string]string{config.FlagManifests: manifest, config.FlagPlatform: "docker"}), "shutdown/manifest")
	// None names the program: the smallest; a directive beats them.
	analysistest.Run(t, testdata(t), withFlags(map[string]string{config.FlagManifests: manifest}), "shutdown/manifestnone", "shutdown/manifestdirective")
	// An explicit -stop-timeout beats the manifest.
	analysistest.Run(t, testdata(t), withFlags(map[string]string{config.FlagManifests: manifest, config.FlagStopTimeout: "1m"}), "shutdown/manifestclean")
	// No manifest: the default 30s.
	analysistest.Run(t, testdata(t), withFlags(map[string]string{config.FlagManifests: "off"}), "shutdown/manifestclean")
}

// TestIgnore checks //sigtermlint:ignore directives of shutdown
// categories, and the malformed directives this analyzer alone reports.
func TestIgnore(t *testing.T) {
	analysistest.Run(t, testdata(t), shutdown.New(), "ignore/shutdown/...", "ignore/both/used", "ignore/both/sigtermpart")
	// The shutdown part is used; the want there is the sigterm analyzer's.
	for _, r := range analysistest.Run(&quiet{}, testdata(t), shutdown.New(), "ignore/both/shutdownpart") {
		for _, d := range r.Diagnostics {
			t.Errorf("ignore/both/shutdownpart: unexpected %s: %s", d.Category, d.Message)
		}
	}
}

// quiet is a testing.T for analysistest runs whose expectations are
// checked by hand.
type quiet struct{}

func (*quiet) Errorf(string, ...any) {}

// TestFixes checks the errors.Is rewrite of log.Fatal(srv.ListenAndServe())
// and the context.WithoutCancel detachment against golden files.
func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(t), shutdown.New(),
		"shutdown/exit/fatal", "shutdown/cancelled/derived")
}
