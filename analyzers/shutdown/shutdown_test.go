package shutdown_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sigtermlint/sigtermlint/analyzers/shutdown"
	"github.com/sigtermlint/sigtermlint/internal/config"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestRules(t *testing.T) {
	analysistest.Run(t, testdata(t), shutdown.New(),
		"shutdown/exit/...",
		"shutdown/cancelled/...",
		"shutdown/unbounded",
		"shutdown/timeout/...",
		"shutdown/directive",
		"shutdown/baddirective",
		"shutdown/helper/...",
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

// TestFixes checks the errors.Is rewrite of log.Fatal(srv.ListenAndServe())
// and the context.WithoutCancel detachment against golden files.
func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(t), shutdown.New(),
		"shutdown/exit/fatal", "shutdown/cancelled/derived")
}
