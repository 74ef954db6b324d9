package shutdown_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sigtermlint/sigtermlint/analyzers/shutdown"
	"github.com/sigtermlint/sigtermlint/internal/testmod"
)

// TestFrameworks checks what depends on the frameworks' own code: echo's
// Start returns http.ErrServerClosed, echo's Shutdown(ctx) and fiber's
// ShutdownWithContext(ctx) hand their context to the real Shutdown.
func TestFrameworks(t *testing.T) {
	dir := testmod.Frameworks(t, "../..")
	analysistest.Run(t, dir, shutdown.New(), "./shutdown/...")
}
