package explain

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// Flag is the command-line flag that selects explain mode.
const Flag = "explain"

// Requested reports whether the flags before the first package pattern
// ask for explain mode (-explain, --explain, -explain=true). An argument
// right after a flag written without "=" may be that flag's value
// (-sigtermlint.stop-timeout 20s -explain), not a pattern: the scan goes
// on past it.
func Requested(args []string) bool {
	mayBeValue := false
	for _, a := range args {
		if a == "--" {
			return false
		}
		if !strings.HasPrefix(a, "-") {
			if !mayBeValue {
				return false
			}
			mayBeValue = false
			continue
		}
		mayBeValue = !strings.Contains(a, "=")
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name == Flag {
			return !hasValue || value == "true" || value == "1"
		}
	}
	return false
}

const usage = "usage: sigtermlint -explain [-json] [-test] [-sigtermlint.stop-timeout=D] [-sigtermlint.platform=NAME] [-sigtermlint.manifests=auto|off|PATH,...] packages"

// Main runs explain mode with the command's arguments (flags, then
// package patterns), in directory dir, and returns the exit status: 0
// when it explained (findings or not: it is a report), 1 when packages
// fail to load or type-check or no main package matches, 2 on a bad
// command line.
func Main(args []string, dir string, an Analyzers, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sigtermlint -explain", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Bool(Flag, false, "explain each main package's stop: its timeline, with the source of every item")
	asJSON := fs.Bool("json", false, "print JSON on stdout, for tools")
	tests := fs.Bool("test", false, "load the test variants too (never explained: no deployed process runs them)")
	an.Config.Flags.VisitAll(func(f *flag.Flag) {
		fs.Var(f.Value, an.Config.Name+"."+f.Name, f.Usage)
	})
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
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "sigtermlint: -explain needs package patterns, e.g. ./cmd/api or ./...")
		fmt.Fprintln(stderr, usage)
		return 2
	}
	progs, err := Run(dir, fs.Args(), *tests, an)
	if err != nil {
		fmt.Fprintln(stderr, "sigtermlint: "+strings.ReplaceAll(err.Error(), "\n", "\nsigtermlint: "))
		return 1
	}
	write := WriteText
	if *asJSON {
		write = WriteJSON
	}
	if err := write(stdout, progs); err != nil {
		fmt.Fprintln(stderr, "sigtermlint:", err)
		return 1
	}
	return 0
}
