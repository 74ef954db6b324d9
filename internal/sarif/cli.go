package sarif

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/analyzers/shutdown"
	"github.com/sigtermlint/sigtermlint/analyzers/sigterm"
	"github.com/sigtermlint/sigtermlint/internal/config"
)

// InformationURI is the tool's page in the log.
const InformationURI = "https://github.com/sigtermlint/sigtermlint"

const usage = "usage: sigtermlint -format=sarif [-test=false] [-sigterm|-shutdown] [-sigtermlint.stop-timeout=D] [-sigtermlint.platform=NAME] [-sigtermlint.manifests=auto|off|PATH,...] packages"

// Main runs the lint with the command's arguments, -format taken out
// (see [ParseFormat]), and prints the SARIF log on stdout. It returns the
// exit status, within multichecker's:
//
//   - 0 when the log is printed, findings or not: the log is the report,
//     as with -json, and a CI step that uploads it must not fail first.
//   - 1 when packages fail to load or type-check, an analyzer fails, or
//     no package pattern is given (multichecker's status for each): the
//     errors go to stderr and nothing to stdout, never a log that would
//     look clean.
//   - 2 on a bad command line: an unknown or malformed flag, or a flag
//     that chooses another output (-json, -fix, -diff).
//
// The flags are the lint's: -test, the analyzers' -sigterm and
// -shutdown, and the configuration's -sigtermlint.NAME, spelled as
// multichecker spells them.
func Main(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sigtermlint -format=sarif", flag.ContinueOnError)
	fs.SetOutput(stderr)
	tests := fs.Bool("test", true, "analyze the test variants of the packages too")
	json := fs.Bool("json", false, "not with -format=sarif: both choose the output")
	fix := fs.Bool("fix", false, "not with -format=sarif: -fix applies the fixes the log describes")
	diff := fs.Bool("diff", false, "not with -format=sarif: -diff goes with -fix")
	cfg := config.Analyzer
	cfg.Flags.VisitAll(func(f *flag.Flag) {
		fs.Var(f.Value, cfg.Name+"."+f.Name, f.Usage)
	})
	all := []*analysis.Analyzer{sigterm.Analyzer, shutdown.Analyzer}
	enabled := map[*analysis.Analyzer]*triState{}
	for _, a := range all {
		enabled[a] = new(triState)
		fs.Var(enabled[a], a.Name, fmt.Sprintf("enable %q analysis", a.Name))
	}
	fs.Usage = func() {
		fmt.Fprintln(stderr, usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2 // the flag package printed the problem and the usage
	}
	for _, f := range []struct {
		name string
		set  bool
	}{{"json", *json}, {"fix", *fix}, {"diff", *diff}} {
		if f.set {
			fmt.Fprintf(stderr, "sigtermlint: -%s does not go with -format=sarif\n", f.name)
			return 2
		}
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "sigtermlint: -format=sarif needs package patterns, e.g. ./...")
		fmt.Fprintln(stderr, usage)
		return 1
	}
	analyzers := append([]*analysis.Analyzer{cfg}, selected(all, enabled)...)
	findings, root, err := Run("", fs.Args(), *tests, analyzers)
	if err != nil {
		fmt.Fprintln(stderr, err)
		fmt.Fprintln(stderr, "sigtermlint: the analysis did not complete: no SARIF log written")
		return 1
	}
	rules := append(sigterm.Rules(), shutdown.Rules()...)
	log := Log(Tool{Name: "sigtermlint", InformationURI: InformationURI, Version: Version()}, rules, root, findings)
	if err := log.PrettyWrite(stdout); err != nil {
		fmt.Fprintln(stderr, "sigtermlint:", err)
		return 1
	}
	fmt.Fprintln(stdout)
	return 0
}

// selected applies the -NAME flags as multichecker does: when some are
// true, only those analyzers run; else when some are false, all but
// those.
func selected(all []*analysis.Analyzer, enabled map[*analysis.Analyzer]*triState) []*analysis.Analyzer {
	var on, notOff []*analysis.Analyzer
	for _, a := range all {
		switch *enabled[a] {
		case setTrue:
			on = append(on, a)
		case setFalse:
			continue
		}
		notOff = append(notOff, a)
	}
	if len(on) > 0 {
		return on
	}
	return notOff
}

// triState is a boolean flag that knows whether it was given.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (t *triState) IsBoolFlag() bool { return true }

func (t *triState) String() string {
	switch *t {
	case setTrue:
		return "true"
	case setFalse:
		return "false"
	}
	return "unset"
}

func (t *triState) Set(s string) error {
	b, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	*t = setFalse
	if b {
		*t = setTrue
	}
	return nil
}
