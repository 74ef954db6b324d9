// Package signals is the one table of Linux signal names and numbers,
// and reads the ways deployment files and directives spell a signal:
// SIGTERM, TERM, term, 15, SIGRTMIN+3.
package signals

import (
	"fmt"
	"strconv"
	"strings"
)

// names are the Linux signal names by number (without SIG); a table,
// never written to.
var names = [...]string{
	1: "HUP", 2: "INT", 3: "QUIT", 4: "ILL", 5: "TRAP", 6: "ABRT", 7: "BUS",
	8: "FPE", 9: "KILL", 10: "USR1", 11: "SEGV", 12: "USR2", 13: "PIPE",
	14: "ALRM", 15: "TERM", 16: "STKFLT", 17: "CHLD", 18: "CONT", 19: "STOP",
	20: "TSTP", 21: "TTIN", 22: "TTOU", 23: "URG", 24: "XCPU", 25: "XFSZ",
	26: "VTALRM", 27: "PROF", 28: "WINCH", 29: "IO", 30: "PWR", 31: "SYS",
}

// The real-time signals' range.
const (
	rtMin = 34
	rtMax = 64
)

// Name returns the canonical name of a Linux signal number: "SIGTERM",
// "SIGRTMIN+3", "SIGRTMAX-2".
func Name(n int) (string, bool) {
	switch {
	case n >= 1 && n < len(names):
		return "SIG" + names[n], true
	case n == rtMin:
		return "SIGRTMIN", true
	case n == rtMax:
		return "SIGRTMAX", true
	case n > rtMin && n <= rtMin+15:
		return "SIGRTMIN+" + strconv.Itoa(n-rtMin), true
	case n > rtMin+15 && n < rtMax:
		return "SIGRTMAX-" + strconv.Itoa(rtMax-n), true
	}
	return "", false
}

// ParseName reads the name of a signal of the table, with or without SIG,
// in any case (SIGTERM, term), and returns its canonical name (SIGTERM).
// It reads no number, no alias (SIGIOT) and no real-time signal: the
// directives name signals this way.
func ParseName(s string) (string, bool) {
	name := strings.TrimPrefix(strings.ToUpper(s), "SIG")
	for _, sig := range names {
		if sig != "" && sig == name {
			return "SIG" + sig, true
		}
	}
	return "", false
}

// Parse reads a stop signal as docker, compose, Kubernetes and fly write
// it: a name with or without SIG, any case (SIGTERM, term), an alias
// (SIGIOT), a real-time signal (SIGRTMIN+3, RTMAX-2), or a number (15),
// with space around it. It returns the canonical name.
func Parse(s string) (string, error) {
	raw := s
	s = strings.TrimSpace(s)
	if n, err := strconv.Atoi(s); err == nil {
		if name, ok := Name(n); ok {
			return name, nil
		}
		return "", fmt.Errorf("%q is not a Linux signal number", raw)
	}
	if name, ok := ParseName(s); ok {
		return name, nil
	}
	name := strings.TrimPrefix(strings.ToUpper(s), "SIG")
	n, ok := alias(name)
	if !ok {
		n, ok = rtSignal(name)
	}
	if ok {
		if canon, ok := Name(n); ok {
			return canon, nil
		}
	}
	return "", fmt.Errorf("%q is not a signal name", raw)
}

// alias returns the number of a signal's other name (without SIG).
func alias(name string) (int, bool) {
	switch name {
	case "IOT":
		return 6, true
	case "CLD":
		return 17, true
	case "POLL":
		return 29, true
	}
	return 0, false
}

// rtSignal reads RTMIN, RTMIN+n, RTMAX, RTMAX-n.
func rtSignal(name string) (int, bool) {
	base, off, sign := name, 0, 1
	if i := strings.IndexAny(name, "+-"); i >= 0 {
		base = name[:i]
		k, err := strconv.Atoi(name[i+1:])
		if err != nil || k < 0 {
			return 0, false
		}
		off = k
		if name[i] == '-' {
			sign = -1
		}
	}
	var n int
	switch {
	case base == "RTMIN" && sign > 0:
		n = rtMin + off
	case base == "RTMAX" && sign < 0, base == "RTMAX" && off == 0:
		n = rtMax - off
	default:
		return 0, false
	}
	if n < rtMin || n > rtMax {
		return 0, false
	}
	return n, true
}
