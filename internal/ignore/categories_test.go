package ignore_test

import (
	"slices"
	"testing"

	"github.com/sigtermlint/sigtermlint/analyzers/shutdown"
	"github.com/sigtermlint/sigtermlint/analyzers/sigterm"
	"github.com/sigtermlint/sigtermlint/internal/ignore"
)

// TestCategories keeps the categories a directive may name in step with
// the analyzers' rules.
func TestCategories(t *testing.T) {
	rules := []string{
		sigterm.CategoryNoSIGTERM, sigterm.CategorySIGINTOnly, sigterm.CategoryNoShutdown, sigterm.CategoryStopSignal, sigterm.CategorySignalNotDelivered,
		shutdown.CategoryExitBeforeDrain, shutdown.CategoryCancelledContext, shutdown.CategoryUnboundedShutdown, shutdown.CategoryShutdownTimeout,
	}
	if !slices.Equal(ignore.Categories, rules) {
		t.Errorf("ignore.Categories = %q, want the analyzers' rules %q", ignore.Categories, rules)
	}
	if ignore.Category != shutdown.CategoryBadDirective {
		t.Errorf("ignore.Category = %q, want %q", ignore.Category, shutdown.CategoryBadDirective)
	}
}
