package ignore_test

import (
	"slices"
	"testing"

	"github.com/sigtermlint/sigtermlint/internal/ignore"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
)

// TestCategories keeps the categories a directive may name in step with
// the analyzers' rules.
func TestCategories(t *testing.T) {
	rules := []string{
		ruledoc.NoSIGTERM, ruledoc.SIGINTOnly, ruledoc.NoShutdown, ruledoc.StopSignal, ruledoc.SignalNotDelivered,
		ruledoc.ExitBeforeDrain, ruledoc.CancelledContext, ruledoc.UnboundedShutdown, ruledoc.ShutdownTimeout,
	}
	if !slices.Equal(ignore.Categories, rules) {
		t.Errorf("ignore.Categories = %q, want the analyzers' rules %q", ignore.Categories, rules)
	}
	if ignore.Category != ignore.Category {
		t.Errorf("ignore.Category = %q, want %q", ignore.Category, ignore.Category)
	}
}
