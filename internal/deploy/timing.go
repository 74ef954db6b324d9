package deploy

import (
	"fmt"
	"math"
	"path"
	"strconv"
	"strings"
	"time"
)

// execSleep returns how long an exec hook sleeps before doing anything
// else: ["sleep", "5"], ["/bin/sleep", "5"], ["busybox", "sleep", "5"],
// ["sh", "-c", "sleep 5 && nginx -s quit"]. A shell script counts when it
// starts with sleep, after trivial commands (echo, set, true, :, export).
func execSleep(argv []string) (time.Duration, bool) {
	if len(argv) == 0 {
		return 0, false
	}
	switch path.Base(argv[0]) {
	case "sleep":
		return sleepArgs(argv[1:])
	case "busybox", "toybox":
		return execSleep(argv[1:])
	case "sh", "bash", "ash", "dash", "zsh", "ksh", "mksh":
		script, ok := shellScript(argv[1:])
		if !ok {
			return 0, false
		}
		return scriptSleep(script)
	}
	return 0, false
}

// shellScript returns the script of a shell invoked with -c (or a flag
// group that has c, like -ec).
func shellScript(args []string) (string, bool) {
	hasC := false
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-o" || a == "+o":
			i++ // -o pipefail
		case a == "--":
			continue
		case strings.HasPrefix(a, "--"):
			// --login, --norc
		case len(a) > 1 && (a[0] == '-' || a[0] == '+'):
			if strings.ContainsRune(a[1:], 'c') {
				hasC = true
			}
		default:
			return a, hasC
		}
	}
	return "", false
}

// trivialCommands take no time worth counting before a sleep.
var trivialCommands = map[string]bool{"echo": true, "printf": true, "set": true, "true": true, ":": true, "export": true}

// scriptSleep returns the time a shell script sleeps before anything else.
func scriptSleep(script string) (time.Duration, bool) {
	toks, ok := shellTokens(script)
	if !ok {
		return 0, false
	}
	i := 0
	for i < len(toks) {
		// Skip separators.
		for i < len(toks) && toks[i].op && (toks[i].text == "\n" || toks[i].text == ";") {
			i++
		}
		if i >= len(toks) || toks[i].op {
			return 0, false
		}
		// One simple command: toks[i:j].
		j := i
		for j < len(toks) && !toks[j].op {
			j++
		}
		words := toks[i:j]
		var sep string
		if j < len(toks) {
			sep = toks[j].text
		}
		cmd := words[0].text
		if cmd == "exec" && len(words) > 1 {
			words = words[1:]
			cmd = words[0].text
		}
		if path.Base(cmd) == "sleep" {
			if sep == "&" {
				return 0, false // backgrounded: takes no time
			}
			args := make([]string, 0, len(words)-1)
			for _, w := range words[1:] {
				args = append(args, w.text)
			}
			return sleepArgs(args)
		}
		if !trivialCommands[cmd] || (sep != ";" && sep != "\n" && sep != "&&") {
			return 0, false
		}
		i = j + 1
	}
	return 0, false
}

// sleepArgs sums sleep's operands, as GNU and busybox sleep do: integer or
// decimal seconds with an optional s, m, h or d suffix.
func sleepArgs(args []string) (time.Duration, bool) {
	if len(args) == 0 {
		return 0, false
	}
	total := 0.0
	for _, a := range args {
		mult := 1.0
		switch {
		case strings.HasSuffix(a, "s"):
			a = a[:len(a)-1]
		case strings.HasSuffix(a, "m"):
			a, mult = a[:len(a)-1], 60
		case strings.HasSuffix(a, "h"):
			a, mult = a[:len(a)-1], 3600
		case strings.HasSuffix(a, "d"):
			a, mult = a[:len(a)-1], 86400
		}
		f, ok := decimal(a)
		if !ok {
			return 0, false
		}
		total += f * mult
	}
	if total > maxSeconds {
		return 0, false
	}
	return time.Duration(math.Round(total * float64(time.Second))), true
}

// decimal parses digits with at most one point ("5", "0.5", "1.", ".5").
func decimal(s string) (float64, bool) {
	digits, points := 0, 0
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			points++
		default:
			return 0, false
		}
	}
	if digits == 0 || points > 1 {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// composeUnits are the units of compose durations (str2duration's: Go's
// and d, w), longer names of a prefix first (ms before m).
var composeUnits = []struct {
	name string
	d    float64
}{
	{"ns", 1}, {"us", 1e3}, {"µs", 1e3}, {"μs", 1e3}, {"ms", 1e6},
	{"s", 1e9}, {"m", 60e9}, {"h", 3600e9}, {"d", 86400e9}, {"w", 7 * 86400e9},
}

// parseComposeDuration parses a compose duration: "10s", "1m30s", "1.5h",
// "300ms", "0". A bare number other than 0 is an error, as in compose.
func parseComposeDuration(s string) (time.Duration, error) {
	orig := s
	if s == "0" {
		return 0, nil
	}
	if s == "" {
		return 0, fmt.Errorf("empty duration")
	}
	total := 0.0
	for s != "" {
		i := 0
		for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
			i++
		}
		f, ok := decimal(s[:i])
		if !ok {
			return 0, fmt.Errorf("%q is not a duration (like 10s or 1m30s)", orig)
		}
		s = s[i:]
		unit := 0.0
		for _, u := range composeUnits {
			if strings.HasPrefix(s, u.name) {
				unit = u.d
				s = s[len(u.name):]
				break
			}
		}
		if unit == 0 {
			if s == "" {
				return 0, fmt.Errorf("%q has no unit (like 10s or 1m30s)", orig)
			}
			return 0, fmt.Errorf("%q is not a duration (like 10s or 1m30s)", orig)
		}
		total += f * unit
	}
	if total > maxSeconds*1e9 {
		return 0, fmt.Errorf("%q is out of range", orig)
	}
	return time.Duration(math.Round(total)), nil
}
