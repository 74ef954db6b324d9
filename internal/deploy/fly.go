package deploy

import (
	"strconv"
	"strings"
	"time"
)

// flyFile reads the top-level keys app, kill_signal and kill_timeout of a
// fly.toml (the lines before the first [table]); everything else is left
// alone. kill_timeout is seconds when a number, a Go duration when a
// string ("5s"), as flyctl reads it; unset it is fly's 5s, and an unset
// kill_signal is SIGINT (DefaultSignal).
func (r *reader) flyFile(file string, data []byte) {
	text := strings.TrimPrefix(string(data), string(utf8BOM))
	c := Container{Kind: KindFly, Source: Source{file, 1}}
	var timeout *Duration
	inMultiline := ""
	for i, ln := range strings.Split(text, "\n") {
		ln = strings.TrimSpace(strings.TrimSuffix(ln, "\r"))
		if inMultiline != "" {
			if strings.Contains(ln, inMultiline) {
				inMultiline = ""
			}
			continue
		}
		if strings.HasPrefix(ln, "[") {
			break // the first table: top-level keys end here
		}
		if ln == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		key, val, ok := strings.Cut(ln, "=")
		if !ok {
			continue
		}
		key = unquote(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		for _, q := range []string{`"""`, `'''`} {
			if strings.HasPrefix(val, q) && !strings.Contains(val[3:], q) {
				inMultiline = q
			}
		}
		if inMultiline != "" {
			continue
		}
		at := i + 1
		s, quoted := tomlValue(val)
		switch key {
		case "app":
			if quoted {
				c.Workload, c.Name = s, s
				c.Source.Line = at
			}
		case "kill_signal":
			if !quoted {
				r.warn(file, at, "kill_signal %s is not a string", val)
				continue
			}
			sig, err := parseSignal(s)
			if err != nil {
				r.warn(file, at, "kill_signal: %v", err)
				continue
			}
			c.StopSignal = &Signal{sig, Source{file, at}}
		case "kill_timeout":
			d, ok := flyDuration(s, quoted)
			if !ok {
				r.warn(file, at, "kill_timeout %s is not a number of seconds or a duration like \"30s\"", val)
				continue
			}
			timeout = &Duration{D: d, Source: Source{file, at}}
		}
	}
	if timeout != nil {
		c.StopTimeout = *timeout
	} else {
		c.StopTimeout = Duration{D: FlyDefaultKillTimeout, Default: true, Source: c.Source}
	}
	r.set.Containers = append(r.set.Containers, c)
}

// tomlValue reads a TOML string ("..." or '...') or a bare value, without
// a trailing comment.
func tomlValue(v string) (string, bool) {
	if len(v) > 0 && (v[0] == '"' || v[0] == '\'') {
		q := v[0]
		for i := 1; i < len(v); i++ {
			if q == '"' && v[i] == '\\' {
				i++
				continue
			}
			if v[i] == q {
				s := v[1:i]
				if q == '"' {
					if u, err := strconv.Unquote(v[:i+1]); err == nil {
						s = u
					}
				}
				return s, true
			}
		}
		return v, false
	}
	if i := strings.IndexByte(v, '#'); i >= 0 {
		v = v[:i]
	}
	return strings.TrimSpace(v), false
}

// flyDuration reads kill_timeout: a number of seconds, or a Go duration
// string.
func flyDuration(s string, quoted bool) (time.Duration, bool) {
	if quoted {
		d, err := time.ParseDuration(s)
		return d, err == nil && d >= 0
	}
	s = strings.ReplaceAll(s, "_", "")
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || !(f >= 0 && f <= maxSeconds) {
		return 0, false
	}
	return time.Duration(f * float64(time.Second)), true
}
