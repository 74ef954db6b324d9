package deploy

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/sigtermlint/sigtermlint/internal/signals"
)

// isComposeDoc reports whether a document looks like a compose file: a
// services mapping of mappings.
func isComposeDoc(root *yaml.Node) bool {
	services := get(root, "services")
	if services == nil || services.Kind != yaml.MappingNode || len(services.Content) == 0 {
		return false
	}
	for i := 1; i < len(services.Content); i += 2 {
		if v := deref(services.Content[i]); v == nil || v.Kind != yaml.MappingNode {
			return false
		}
	}
	return true
}

// composeDoc reads the services of a compose file. extends and include are
// not followed.
func (r *reader) composeDoc(file string, root *yaml.Node) {
	services := get(root, "services")
	if services == nil || services.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(services.Content); i += 2 {
		kn := deref(services.Content[i])
		if kn == nil || isMergeKey(kn) {
			continue
		}
		name, ok := scalar(kn)
		if !ok || strings.HasPrefix(name, "x-") {
			continue
		}
		svc := deref(services.Content[i+1])
		if svc == nil || svc.Kind != yaml.MappingNode {
			continue
		}
		c := Container{
			Kind:     KindCompose,
			Workload: name,
			Name:     name,
			Image:    str(svc, "image"),
			Command:  composeCommand(get(svc, "entrypoint")),
			Args:     composeCommand(get(svc, "command")),
			Source:   Source{file, services.Content[i].Line},
		}
		c.StopTimeout = Duration{D: ComposeDefaultGrace, Default: true, Source: c.Source}
		if k, v := lookup(svc, "stop_grace_period"); v != nil && v.ShortTag() != "!!null" {
			at := line(k, v)
			s, err := r.composeValue(file, at, "stop_grace_period", v)
			if err == nil {
				c.StopTimeout.D, err = parseComposeDuration(s)
			}
			if err != nil {
				r.warn(file, at, "stop_grace_period: %v: service %s skipped", err, name)
				continue
			}
			c.StopTimeout.Default = false
			c.StopTimeout.Source = Source{file, at}
		}
		if k, v := lookup(svc, "stop_signal"); v != nil && v.ShortTag() != "!!null" {
			at := line(k, v)
			s, err := r.composeValue(file, at, "stop_signal", v)
			if err == nil {
				s, err = signals.Parse(s)
			}
			if err != nil {
				r.warn(file, at, "stop_signal: %v", err)
			} else {
				c.StopSignal = &Signal{s, Source{file, at}}
			}
		}
		r.set.Containers = append(r.set.Containers, c)
	}
}

// composeValue returns a scalar with compose's variable interpolation
// applied as far as the file alone allows: ${VAR:-default} and
// ${VAR-default} take the default (with a Note), $$ is a $; a variable
// without a default is an error.
func (r *reader) composeValue(file string, at int, key string, v *yaml.Node) (string, error) {
	s, ok := scalar(v)
	if !ok {
		return "", fmt.Errorf("not a scalar")
	}
	out, vars, err := interpolate(s)
	if err != nil {
		return "", err
	}
	if len(vars) > 0 {
		r.note(file, at, "%s %q: took the default %q; a value of %s in the environment or .env file would override it", key, s, out, strings.Join(vars, ", "))
	}
	return out, nil
}

// interpolate resolves compose interpolation without an environment: it
// returns the value with the defaults of ${VAR:-default} and
// ${VAR-default}, and the names of those variables.
func interpolate(s string) (string, []string, error) {
	if !strings.Contains(s, "$") {
		return s, nil, nil
	}
	var b strings.Builder
	var vars []string
	for i := 0; i < len(s); i++ {
		if s[i] != '$' {
			b.WriteByte(s[i])
			continue
		}
		if i+1 < len(s) && s[i+1] == '$' {
			b.WriteByte('$')
			i++
			continue
		}
		if i+1 >= len(s) || s[i+1] != '{' {
			return "", nil, fmt.Errorf("%q uses a variable that is set outside this file", s)
		}
		end := strings.IndexByte(s[i+2:], '}')
		if end < 0 {
			return "", nil, fmt.Errorf("%q: unterminated ${", s)
		}
		expr := s[i+2 : i+2+end]
		name, def, ok := strings.Cut(expr, ":-")
		if !ok {
			name, def, ok = strings.Cut(expr, "-")
		}
		if !ok || !isVarName(name) || strings.ContainsAny(def, "${") {
			return "", nil, fmt.Errorf("%q uses a variable that is set outside this file", s)
		}
		vars = append(vars, name)
		b.WriteString(def)
		i += 2 + end
	}
	return b.String(), vars, nil
}

// composeCommand reads a compose command or entrypoint: a list, or a
// string split into words as compose does.
func composeCommand(v *yaml.Node) []string {
	if v == nil {
		return nil
	}
	if v.Kind == yaml.SequenceNode {
		return stringList(v)
	}
	if s, ok := scalar(v); ok {
		return splitWords(s)
	}
	return nil
}

func isVarName(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		if !(c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
