package directive

import (
	"fmt"
	"go/ast"
	"go/token"
	"time"
)

// StopTimeoutPrefix starts the directive that declares a program's stop
// timeout: //sigtermlint:stop-timeout 20s
const StopTimeoutPrefix = Prefix + stopTimeoutName

// ParseStopTimeout returns the stop timeout the files declare, the
// position of the directive that declares it, and whether one does; and
// the problems: malformed directives, and later ones with another value
// (the first one wins). Only package main declares a stop timeout: the
// caller asks for no other package's.
func ParseStopTimeout(files []*ast.File) (d time.Duration, pos token.Pos, found bool, bad []Problem) {
	for c := range comments(files) {
		if c.name != stopTimeoutName {
			continue
		}
		v, msg := parseDuration(c.args, "the stop timeout")
		switch {
		case msg != "":
			bad = append(bad, Problem{Pos: c.Pos(), End: c.End(), Message: fmt.Sprintf("malformed %s directive: %s; it is ignored", StopTimeoutPrefix, msg)})
		case found && v != d:
			bad = append(bad, Problem{Pos: c.Pos(), End: c.End(), Message: fmt.Sprintf("second %s directive with another value (%s, first %s); the first one wins", StopTimeoutPrefix, v, d)})
		case !found:
			d, pos, found = v, c.Pos(), true
		}
	}
	return d, pos, found, bad
}

// parseDuration reads a positive Go duration ("20s", "1m30s"), the
// argument of stop-timeout and stops-within; it returns what is wrong with
// it, or "". what names the time in the message: "the stop timeout".
func parseDuration(s, what string) (time.Duration, string) {
	if s == "" {
		return 0, "want a duration such as 20s"
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Sprintf("%q is not a duration such as 20s", s)
	}
	if d <= 0 {
		return 0, fmt.Sprintf("%s must be positive, not %s", what, s)
	}
	return d, ""
}
