package deploy

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/sigtermlint/sigtermlint/internal/signals"
)

// flyFile reads the top-level keys app, kill_signal and kill_timeout of a
// fly.toml; everything else is left alone. kill_timeout is seconds when a
// number, a Go duration when a string ("5s"), as flyctl reads it; unset it
// is fly's 5s, and an unset kill_signal is SIGINT (DefaultSignal). A file
// that is not TOML is one Warning at the line of the error, and no
// container.
func (r *reader) flyFile(file string, data []byte) {
	data = bytes.TrimPrefix(data, utf8BOM)
	var top map[string]any
	if err := toml.Unmarshal(data, &top); err != nil {
		line := 0
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, _ = de.Position()
		}
		r.warn(file, line, "TOML does not parse: %s", strings.TrimPrefix(err.Error(), "toml: "))
		return
	}
	keys := flyTopLevelKeys(data)
	c := Container{Kind: KindFly, Source: Source{file, 1}}
	c.StopTimeout = Duration{D: FlyDefaultKillTimeout, Default: true}
	if app, ok := top["app"].(string); ok {
		c.Workload, c.Name = app, app
		c.Source.Line = keys["app"].line
	}
	if v, ok := top["kill_signal"]; ok {
		k := keys["kill_signal"]
		if s, ok := v.(string); !ok {
			r.warn(file, k.line, "kill_signal %s is not a string", k.text(v))
		} else if sig, err := signals.Parse(s); err != nil {
			r.warn(file, k.line, "kill_signal: %v", err)
		} else {
			c.StopSignal = &Signal{sig, Source{file, k.line}}
		}
	}
	if v, ok := top["kill_timeout"]; ok {
		k := keys["kill_timeout"]
		if d, ok := flyDuration(v); ok {
			c.StopTimeout = Duration{D: d, Source: Source{file, k.line}}
		} else {
			r.warn(file, k.line, "kill_timeout %s is not a number of seconds or a duration like \"30s\"", k.text(v))
		}
	}
	if c.StopTimeout.Default {
		c.StopTimeout.Source = c.Source
	}
	r.set.Containers = append(r.set.Containers, c)
}

// flyKey is where a top-level key of a fly.toml is written.
type flyKey struct {
	line int
	raw  string // the value as written; "" for an array or table
}

// text is the value of k, v decoded, as the file writes it.
func (k flyKey) text(v any) string {
	if k.raw != "" {
		return k.raw
	}
	return fmt.Sprint(v)
}

// flyTopLevelKeys returns the line and value text of each top-level key
// (before the first table) of a TOML document that decodes. Dotted keys
// (a.b = 1) are left out: they belong to a table.
func flyTopLevelKeys(data []byte) map[string]flyKey {
	keys := map[string]flyKey{}
	var p unstable.Parser
	p.Reset(data)
	for p.NextExpression() {
		e := p.Expression()
		if e.Kind == unstable.Table || e.Kind == unstable.ArrayTable {
			break
		}
		if e.Kind != unstable.KeyValue {
			continue
		}
		it := e.Key()
		if !it.Next() || !it.IsLast() {
			continue
		}
		k, v := it.Node(), e.Value()
		key := flyKey{line: p.Shape(k.Raw).Start.Line}
		if v.Kind != unstable.Array && v.Kind != unstable.InlineTable {
			key.raw = string(p.Raw(v.Raw)) // an array's or a table's Raw is not all of it
		}
		keys[string(k.Data)] = key
	}
	return keys
}

// flyDuration reads kill_timeout: a number of seconds, or a Go duration
// string.
func flyDuration(v any) (time.Duration, bool) {
	var f float64
	switch v := v.(type) {
	case string:
		d, err := time.ParseDuration(v)
		return d, err == nil && d >= 0
	case int64:
		f = float64(v)
	case float64:
		f = v
	default:
		return 0, false
	}
	if !(f >= 0 && f <= maxSeconds) {
		return 0, false
	}
	return time.Duration(f * float64(time.Second)), true
}
