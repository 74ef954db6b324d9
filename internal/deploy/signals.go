package deploy

import (
	"fmt"
	"strconv"
	"strings"
)

// linuxSignals are the Linux signal names by number (without SIG).
var linuxSignals = [...]string{
	1: "HUP", 2: "INT", 3: "QUIT", 4: "ILL", 5: "TRAP", 6: "ABRT", 7: "BUS",
	8: "FPE", 9: "KILL", 10: "USR1", 11: "SEGV", 12: "USR2", 13: "PIPE",
	14: "ALRM", 15: "TERM", 16: "STKFLT", 17: "CHLD", 18: "CONT", 19: "STOP",
	20: "TSTP", 21: "TTIN", 22: "TTOU", 23: "URG", 24: "XCPU", 25: "XFSZ",
	26: "VTALRM", 27: "PROF", 28: "WINCH", 29: "IO", 30: "PWR", 31: "SYS",
}

const (
	sigRTMin = 34
	sigRTMax = 64
)

// signalAliases are other names of the same signals.
var signalAliases = map[string]int{"IOT": 6, "CLD": 17, "POLL": 29}

// signalName is the canonical name of a Linux signal number.
func signalName(n int) (string, bool) {
	switch {
	case n >= 1 && n < len(linuxSignals):
		return "SIG" + linuxSignals[n], true
	case n == sigRTMin:
		return "SIGRTMIN", true
	case n == sigRTMax:
		return "SIGRTMAX", true
	case n > sigRTMin && n <= sigRTMin+15:
		return "SIGRTMIN+" + strconv.Itoa(n-sigRTMin), true
	case n > sigRTMin+15 && n < sigRTMax:
		return "SIGRTMAX-" + strconv.Itoa(sigRTMax-n), true
	}
	return "", false
}

// parseSignal reads a stop signal as docker, compose, Kubernetes and fly
// write it: a name with or without SIG, any case (SIGTERM, term), or a
// number (15). It returns the canonical name.
func parseSignal(s string) (string, error) {
	raw := s
	s = strings.TrimSpace(s)
	if n, err := strconv.Atoi(s); err == nil {
		if name, ok := signalName(n); ok {
			return name, nil
		}
		return "", fmt.Errorf("%q is not a Linux signal number", raw)
	}
	name := strings.TrimPrefix(strings.ToUpper(s), "SIG")
	for _, sig := range linuxSignals {
		if sig != "" && sig == name {
			return "SIG" + sig, nil
		}
	}
	n, ok := signalAliases[name]
	if !ok {
		n, ok = rtSignal(name)
	}
	if ok {
		if canon, ok := signalName(n); ok {
			return canon, nil
		}
	}
	return "", fmt.Errorf("%q is not a signal name", raw)
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
		n = sigRTMin + off
	case base == "RTMAX" && sign < 0, base == "RTMAX" && off == 0:
		n = sigRTMax - off
	default:
		return 0, false
	}
	if n < sigRTMin || n > sigRTMax {
		return 0, false
	}
	return n, true
}
