// Command sigtermlint finds Go servers that do not stop gracefully on
// SIGTERM. Run it on packages (sigtermlint ./...) or under go vet
// (go vet -vettool=$(command -v sigtermlint) ./...). With -explain, it
// prints each program's stop timeline instead (sigtermlint -explain ./cmd/api);
// with -format=sarif, a SARIF log for code scanning (sigtermlint
// -format=sarif ./... > sigtermlint.sarif).
package main

import (
	"fmt"
	"os"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/sigtermlint/sigtermlint/analyzers/shutdown"
	"github.com/sigtermlint/sigtermlint/analyzers/sigterm"
	"github.com/sigtermlint/sigtermlint/internal/config"
	"github.com/sigtermlint/sigtermlint/internal/explain"
	"github.com/sigtermlint/sigtermlint/internal/sarif"
)

// -explain and -format=sarif are modes of their own (internal/explain,
// internal/sarif), chosen before the lint driver parses flags;
// -format=text and -format=json are the driver's outputs, so -format is
// taken out (or becomes -json) before it runs. For the lint, the
// configuration analyzer is listed so that the driver registers its
// flags (-sigtermlint.stop-timeout, ...); it reports nothing.
func main() {
	if explain.Requested(os.Args[1:]) {
		os.Exit(explain.Main(os.Args[1:], "", explain.Default(), os.Stdout, os.Stderr))
	}
	// An unknown category in -sigtermlint.enable/disable is one line, not
	// the flag package's usage dump; exit 2 as for any bad flag.
	if err := config.CheckArgs(config.Analyzer.Name, os.Args[1:]); err != nil {
		fmt.Fprintf(os.Stderr, "sigtermlint: %v\n", err)
		os.Exit(2)
	}
	format, args, err := sarif.ParseFormat(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, err) // one line, exit 2: a bad flag, as for the driver's
		os.Exit(2)
	}
	switch format {
	case sarif.FormatSARIF:
		os.Exit(sarif.Main(args, os.Stdout, os.Stderr))
	case sarif.FormatJSON:
		args = append([]string{"-json"}, args...)
	}
	os.Args = append(os.Args[:1], args...)
	multichecker.Main(config.Analyzer, sigterm.Analyzer, shutdown.Analyzer)
}
