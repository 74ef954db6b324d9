package shutdown_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sigtermlint/sigtermlint/analyzers/shutdown"
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

// TestStopTimeoutFlag runs with -stop-timeout=5s.
func TestStopTimeoutFlag(t *testing.T) {
	a := shutdown.New()
	if err := a.Flags.Set(shutdown.FlagStopTimeout, "5s"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata(t), a, "shutdown/flagged")
}

func TestStopTimeoutFlagRejectsBadValues(t *testing.T) {
	for _, v := range []string{"soon", "0s", "-5s", "30"} {
		if err := shutdown.New().Flags.Set(shutdown.FlagStopTimeout, v); err == nil {
			t.Errorf("-stop-timeout=%s: accepted, want an error", v)
		}
	}
}

// TestFixes checks the errors.Is rewrite of log.Fatal(srv.ListenAndServe())
// and the context.WithoutCancel detachment against golden files.
func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(t), shutdown.New(),
		"shutdown/exit/fatal", "shutdown/cancelled/derived")
}
