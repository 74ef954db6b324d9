// Command sigtermlint finds Go servers that do not stop gracefully on
// SIGTERM. Run it on packages (sigtermlint ./...) or under go vet
// (go vet -vettool=$(command -v sigtermlint) ./...). With -explain, it
// prints each program's stop timeline instead (sigtermlint -explain ./cmd/api).
package main

import (
	"os"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/sigtermlint/sigtermlint/analyzers/shutdown"
	"github.com/sigtermlint/sigtermlint/analyzers/sigterm"
	"github.com/sigtermlint/sigtermlint/internal/config"
	"github.com/sigtermlint/sigtermlint/internal/explain"
)

// -explain is a mode of its own (internal/explain), chosen before the
// lint driver parses flags. For the lint, the configuration analyzer is
// listed so that the driver registers its flags
// (-sigtermlint.stop-timeout, ...); it reports nothing.
func main() {
	if explain.Requested(os.Args[1:]) {
		os.Exit(explain.Main(os.Args[1:], "", explain.Default(), os.Stdout, os.Stderr))
	}
	multichecker.Main(config.Analyzer, sigterm.Analyzer, shutdown.Analyzer)
}
