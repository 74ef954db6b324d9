package sarif

import (
	"fmt"
	"strconv"
	"strings"
)

// The values of -format: the command's outputs.
const (
	FormatText  = "text"  // diagnostics on stderr: multichecker's default
	FormatJSON  = "json"  // the same as -json
	FormatSARIF = "sarif" // this package's Main
)

// ParseFormat finds -format among the flags before the first package
// pattern and returns its value (FormatText when absent) and the
// arguments without it. The command picks its mode with it before a
// driver parses the flags: multichecker does not know -format, and go
// vet must not see it in -flags (it would forward -format=sarif to a
// per-package run that cannot honour it).
//
// As for -explain, an argument right after a flag written without "="
// may be that flag's value (-sigtermlint.stop-timeout 20s -format=sarif),
// so the scan goes on past it. -format's own value may follow it as the
// next argument, as the flag package allows.
//
// An unknown value is an error, and so is -json with another format:
// each chooses the output.
func ParseFormat(args []string) (format string, rest []string, err error) {
	format = FormatText
	given, json := false, false
	mayBeValue := false
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" || !strings.HasPrefix(a, "-") && !mayBeValue {
			rest = append(rest, args[i:]...)
			break
		}
		if !strings.HasPrefix(a, "-") { // a value of the flag before
			mayBeValue = false
			rest = append(rest, a)
			continue
		}
		mayBeValue = !strings.Contains(a, "=")
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch {
		case name == "format" && !hasValue && i+1 < len(args):
			i++
			value = args[i]
			fallthrough
		case name == "format" && hasValue:
			given, format = true, value
			mayBeValue = false
			continue
		case name == "format":
			return "", nil, fmt.Errorf("flag needs an argument: -format (text, json or sarif)")
		case name == "json":
			on, err := strconv.ParseBool(value)
			json = !hasValue || on && err == nil
		}
		rest = append(rest, a)
	}
	switch format {
	case FormatText, FormatJSON, FormatSARIF:
	default:
		return "", nil, fmt.Errorf("invalid value %q for flag -format: want text, json or sarif", format)
	}
	if given && json && format != FormatJSON {
		return "", nil, fmt.Errorf("-json and -format=%s both choose the output: give one", format)
	}
	return format, rest, nil
}
