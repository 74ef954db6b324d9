// Command sigtermlint finds Go servers that do not stop gracefully on
// SIGTERM. Run it on packages (sigtermlint ./...) or under go vet
// (go vet -vettool=$(command -v sigtermlint) ./...).
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/sigtermlint/sigtermlint/analyzers/shutdown"
	"github.com/sigtermlint/sigtermlint/analyzers/sigterm"
	"github.com/sigtermlint/sigtermlint/internal/config"
)

// The configuration analyzer is listed so that the driver registers its
// flags (-sigtermlint.stop-timeout, ...); it reports nothing.
func main() { multichecker.Main(config.Analyzer, sigterm.Analyzer, shutdown.Analyzer) }
