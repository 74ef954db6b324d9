package deploy

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
)

type ecsTaskDef struct {
	Family                  string            `json:"family"`
	RequiresCompatibilities []string          `json:"requiresCompatibilities"`
	ContainerDefinitions    []ecsContainerDef `json:"containerDefinitions"`
}

type ecsContainerDef struct {
	Name        string          `json:"name"`
	Image       string          `json:"image"`
	Command     []string        `json:"command"`
	EntryPoint  []string        `json:"entryPoint"`
	StopTimeout json.RawMessage `json:"stopTimeout"`
}

// ecsDoc is a registered task definition, or the output of
// aws ecs describe-task-definition ({"taskDefinition": {...}}).
type ecsDoc struct {
	ecsTaskDef
	TaskDefinition *ecsTaskDef `json:"taskDefinition"`
}

// ecsPending is an ECS container without stopTimeout: its timeout is the
// agent's, known once every ecs.config is read.
type ecsPending struct {
	c       Container
	fargate bool
}

var utf8BOM = []byte("\xef\xbb\xbf")

// ecsFile reads an ECS task definition. JSON files without
// containerDefinitions are not task definitions and are ignored.
func (r *reader) ecsFile(file string, data []byte) {
	if !bytes.Contains(data, []byte(`"containerDefinitions"`)) {
		return
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	var doc ecsDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syn):
			r.warn(file, lineOf(data, int(syn.Offset)), "JSON does not parse: %v", err)
		case errors.As(err, &typ):
			at := int(typ.Offset)
			if at > 0 {
				at-- // the offset is after the value
			}
			r.warn(file, lineOf(data, at), "task definition does not decode: %v", err)
		default:
			r.warn(file, 0, "JSON does not parse: %v", err)
		}
		return
	}
	td, prefix := &doc.ecsTaskDef, ""
	if doc.TaskDefinition != nil && len(doc.TaskDefinition.ContainerDefinitions) > 0 {
		td, prefix = doc.TaskDefinition, "taskDefinition/"
	}
	if len(td.ContainerDefinitions) == 0 {
		return
	}
	lines := jsonLines(data, 5)
	fargate := len(td.RequiresCompatibilities) > 0
	for _, c := range td.RequiresCompatibilities {
		if c != "FARGATE" {
			fargate = false
		}
	}
	for i, cd := range td.ContainerDefinitions {
		base := prefix + "containerDefinitions/" + strconv.Itoa(i)
		at := lines[base+"/name"]
		if at == 0 {
			at = lines[base]
		}
		c := Container{
			Kind:     KindECS,
			Workload: td.Family,
			Name:     cd.Name,
			Image:    cd.Image,
			Command:  cd.EntryPoint,
			Args:     cd.Command,
			Source:   Source{file, at},
		}
		if len(cd.StopTimeout) == 0 || string(cd.StopTimeout) == "null" {
			r.ecsPending = append(r.ecsPending, ecsPending{c, fargate})
			continue
		}
		stAt := lines[base+"/stopTimeout"]
		n, err := strconv.ParseInt(string(cd.StopTimeout), 10, 64)
		if err != nil || n < 0 || n > maxSeconds {
			r.warn(file, stAt, "stopTimeout %s is not a whole number of seconds: container %s skipped", cd.StopTimeout, cd.Name)
			continue
		}
		c.StopTimeout = Duration{D: time.Duration(n) * time.Second, Source: Source{file, stAt}}
		r.set.Containers = append(r.set.Containers, c)
	}
}

// jsonLines maps the paths of a JSON document's keys and values, down to
// maxDepth, to their lines: "taskDefinition/containerDefinitions/0" is the
// line of the element's "{", ".../0/stopTimeout" the line of the key. It
// scans the token stream of encoding/json, taking positions from
// InputOffset. The data is valid JSON (decoded before).
func jsonLines(data []byte, maxDepth int) map[string]int {
	nl := newlineIndex(data)
	lines := map[string]int{}
	type frame struct {
		array   bool
		idx     int
		key     string
		wantKey bool
	}
	var stack []frame
	pathOf := func(last string) string {
		parts := make([]string, 0, len(stack)+1)
		for _, f := range stack {
			if f.array {
				parts = append(parts, strconv.Itoa(f.idx))
			} else {
				parts = append(parts, f.key)
			}
		}
		if last != "" {
			parts = append(parts, last)
		}
		return strings.Join(parts, "/")
	}
	afterValue := func() {
		if n := len(stack); n > 0 {
			if stack[n-1].array {
				stack[n-1].idx++
			} else {
				stack[n-1].wantKey = true
			}
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	for {
		tok, err := dec.Token()
		if err == io.EOF || err != nil {
			return lines
		}
		end := int(dec.InputOffset())
		if n := len(stack); n > 0 && !stack[n-1].array && stack[n-1].wantKey {
			if d, ok := tok.(json.Delim); ok && d == '}' {
				stack = stack[:n-1]
				afterValue()
				continue
			}
			key, _ := tok.(string)
			stack[n-1].key = key
			stack[n-1].wantKey = false
			if n <= maxDepth {
				lines[pathOf("")] = nl.line(end - 1)
			}
			continue
		}
		d, isDelim := tok.(json.Delim)
		switch {
		case isDelim && (d == '{' || d == '['):
			if len(stack) > 0 && len(stack) <= maxDepth {
				lines[pathOf("")] = nl.line(end - 1)
			}
			stack = append(stack, frame{array: d == '[', wantKey: d == '{'})
		case isDelim: // ] (} is handled with the keys)
			stack = stack[:len(stack)-1]
			afterValue()
		default:
			afterValue()
		}
	}
}

// newlines holds the offsets of a text's newlines.
type newlines []int

func newlineIndex(data []byte) newlines {
	var nl newlines
	for i, c := range data {
		if c == '\n' {
			nl = append(nl, i)
		}
	}
	return nl
}

// line is the 1-based line of byte offset off.
func (nl newlines) line(off int) int {
	return sort.SearchInts(nl, off) + 1
}

// ecsAgentFile reads ECS_CONTAINER_STOP_TIMEOUT from an agent ecs.config
// (KEY=VALUE lines). The agent parses it with time.ParseDuration, ignores a
// value it cannot parse or 0 (using 30s), and raises one below 1s to 1s.
func (r *reader) ecsAgentFile(file string, data []byte) {
	var found *Duration
	for i, ln := range strings.Split(string(data), "\n") {
		ln = strings.TrimSpace(strings.TrimSuffix(ln, "\r"))
		if ln == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		ln = strings.TrimPrefix(ln, "export ")
		key, val, ok := strings.Cut(ln, "=")
		if !ok || strings.TrimSpace(key) != "ECS_CONTAINER_STOP_TIMEOUT" {
			continue
		}
		val = unquote(strings.TrimSpace(val))
		at := i + 1
		d, err := time.ParseDuration(val)
		switch {
		case err != nil:
			r.warn(file, at, "ECS_CONTAINER_STOP_TIMEOUT=%s is not a Go duration (like 30s or 2m): the agent ignores it and uses %s", val, ECSDefaultStopTimeout)
			found = nil
			continue
		case d == 0:
			r.note(file, at, "ECS_CONTAINER_STOP_TIMEOUT=%s: the agent ignores 0 and uses %s", val, ECSDefaultStopTimeout)
			found = nil
			continue
		case d < ECSAgentMinStopTimeout:
			r.note(file, at, "ECS_CONTAINER_STOP_TIMEOUT=%s: the agent raises it to %s", val, ECSAgentMinStopTimeout)
			d = ECSAgentMinStopTimeout
		}
		found = &Duration{D: d, Source: Source{file, at}}
	}
	if found != nil {
		r.agentFiles = append(r.agentFiles, *found)
	}
}

// unquote removes one pair of matching quotes.
func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}
