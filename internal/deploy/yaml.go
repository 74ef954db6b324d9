package deploy

import (
	"bytes"
	"errors"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// yamlMode says how a YAML file is read.
type yamlMode int

const (
	yamlKubernetes yamlMode = iota // Kubernetes objects; anything else is ignored
	yamlCompose                    // a compose file
	yamlEither                     // named explicitly: compose when it looks like one
)

// maxHops bounds the alias and merge-key chains followed by lookups, so a
// hostile document cannot make them loop or fan out.
const maxHops = 8

// kindKey matches a kind key at the start of a line, or of a list item.
var kindKey = regexp.MustCompile(`(?m)^[ \t]*(?:-[ \t]+)*kind[ \t]*:`)

// yamlFile reads a YAML file of Kubernetes objects or a compose file.
//
// The library bounds the parse itself (nesting depth 10000, alias
// expansion ratio). Decoding into yaml.Node does not expand aliases, so a
// document that contains any is also decoded once into an interface value
// to let the library's alias checks reject bombs and self-references; the
// lookups below follow aliases only a bounded number of hops.
func (r *reader) yamlFile(name string, data []byte, mode yamlMode) {
	firstTemplate := templateIndex(data)
	hasTemplate := firstTemplate >= 0
	if hasTemplate && path.Base(path.Dir(name)) == "templates" {
		r.note(name, lineOf(data, firstTemplate), "Helm chart template skipped: render it (helm template) and pass the output file to check it")
		return
	}
	if mode != yamlCompose {
		switch {
		case isCopilotManifest(name, data):
			r.copilotFile(name, data)
			return
		case isCloudFormationYAML(data):
			r.cloudFormationYAML(name, data)
			return
		}
	}
	// A Kubernetes object has an apiVersion and a kind key; a file without
	// them is skipped unparsed, so that broken YAML which is no manifest
	// (CI configuration, application settings, a pnpm-lock.yaml seen in a
	// real repository) gets no warning.
	if mode == yamlKubernetes && (!bytes.Contains(data, []byte("apiVersion")) || !kindKey.Match(data)) {
		return
	}
	docs, err := parseYAML(data)
	if err != nil {
		line, msg := yamlErrorLine(err)
		if hasTemplate {
			r.note(name, lineOf(data, firstTemplate), "skipped: template syntax ({{ }}) that is not YAML; render it and pass the output file to check it")
		} else {
			r.warn(name, line, "YAML does not parse: %s", msg)
		}
		// The documents before the error are still read.
	}
	for i, doc := range docs {
		root := deref(doc)
		if root == nil || root.Kind != yaml.MappingNode {
			continue
		}
		m := mode
		if m == yamlEither {
			m = yamlKubernetes
			if i == 0 && !isK8sObject(root) && isComposeDoc(root) {
				m = yamlCompose
			}
		}
		if m == yamlKubernetes && !isK8sObject(root) {
			continue
		}
		if hasAlias(root) {
			if err := checkAliases(doc); err != nil {
				_, msg := yamlErrorLine(err)
				r.warn(name, root.Line, "YAML document rejected: %s", msg)
				continue
			}
		}
		if m == yamlCompose {
			r.composeDoc(name, root)
			// A compose file is one document.
			break
		}
		r.k8sObject(name, root, 0)
	}
}

// templateIndex is the offset of the first {{ of template syntax, -1 for
// none. CloudFormation's dynamic references ({{resolve:ssm:/name}}) are
// not template syntax: a template with them, in a templates directory,
// is no Helm chart.
func templateIndex(data []byte) int {
	for off := 0; ; {
		i := bytes.Index(data[off:], []byte("{{"))
		if i < 0 {
			return -1
		}
		if !bytes.HasPrefix(data[off+i:], []byte("{{resolve:")) {
			return off + i
		}
		off += i + 2
	}
}

// parseYAML returns the documents of a YAML stream, up to the first error.
// A panic in the library is returned as an error.
func parseYAML(data []byte) (docs []*yaml.Node, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = panicError{p}
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return docs, err
		}
		if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
			docs = append(docs, n.Content[0])
		}
	}
}

type panicError struct{ v any }

func (p panicError) Error() string { return "yaml: parser panic: " + strings.TrimSpace(sprint(p.v)) }

func sprint(v any) string {
	if e, ok := v.(error); ok {
		return e.Error()
	}
	if s, ok := v.(string); ok {
		return s
	}
	return "unknown panic"
}

// checkAliases decodes a document the library's way, which rejects
// excessive aliasing and anchors that contain themselves.
func checkAliases(doc *yaml.Node) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = panicError{p}
		}
	}()
	var v any
	return doc.Decode(&v)
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parserProblems are the go-yaml parser (not scanner) messages. For them
// the library reports a 0-based line (of the problem, or of the start of
// the construct it is in); the scanner's are 1-based.
var parserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// yamlErrorLine splits a go-yaml error into a 1-based line and a message.
func yamlErrorLine(err error) (int, string) {
	msg := err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		if parserProblems[m[2]] {
			line++
		}
		return line, m[2]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	// The library leaves the line out when it is the first (0-based 0);
	// the composer's and decoder's messages have no position at all.
	if strings.HasPrefix(msg, "unknown anchor") || strings.Contains(msg, "aliasing") || strings.Contains(msg, "contains itself") || strings.HasPrefix(msg, "parser panic") {
		return 0, msg
	}
	return 1, msg
}

// lineOf is the 1-based line of byte offset off.
func lineOf(data []byte, off int) int {
	if off < 0 {
		return 0
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// deref follows an alias to its anchor, a bounded number of hops; nil for
// a nil node or a chain that does not end.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode; i++ {
		if i == maxHops {
			return nil
		}
		n = n.Alias
	}
	return n
}

// lookup returns the key and value nodes of key in mapping m (value
// dereferenced), following merge keys (<<) a bounded depth and number of
// mappings, so that a hostile document cannot make it fan out. Explicit
// keys win over merged ones, as in YAML.
func lookup(m *yaml.Node, key string) (k, v *yaml.Node) {
	budget := maxLookupMappings
	return lookupDepth(m, key, 0, &budget)
}

// maxLookupMappings bounds the mappings one lookup visits.
const maxLookupMappings = 256

func lookupDepth(m *yaml.Node, key string, depth int, budget *int) (*yaml.Node, *yaml.Node) {
	m = deref(m)
	if m == nil || m.Kind != yaml.MappingNode || depth > maxHops || *budget <= 0 {
		return nil, nil
	}
	*budget--
	var merges []*yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		kn := deref(m.Content[i])
		if kn == nil || kn.Kind != yaml.ScalarNode {
			continue
		}
		if isMergeKey(kn) {
			merges = append(merges, m.Content[i+1])
			continue
		}
		if kn.Value == key {
			return m.Content[i], deref(m.Content[i+1])
		}
	}
	for _, mv := range merges {
		mv = deref(mv)
		if mv == nil {
			continue
		}
		items := []*yaml.Node{mv}
		if mv.Kind == yaml.SequenceNode {
			items = mv.Content
		}
		for _, item := range items {
			if *budget <= 0 {
				return nil, nil
			}
			if k, v := lookupDepth(item, key, depth+1, budget); k != nil {
				return k, v
			}
		}
	}
	return nil, nil
}

func isMergeKey(k *yaml.Node) bool {
	return k.Kind == yaml.ScalarNode && k.Value == "<<" && k.ShortTag() == "!!merge"
}

// get is lookup's value.
func get(m *yaml.Node, key string) *yaml.Node {
	_, v := lookup(m, key)
	return v
}

// getPath follows keys from m.
func getPath(m *yaml.Node, keys ...string) (k, v *yaml.Node) {
	v = m
	for _, key := range keys {
		k, v = lookup(v, key)
		if v == nil {
			return nil, nil
		}
	}
	return k, v
}

// scalar returns a scalar node's value; false for anything else and for
// null.
func scalar(n *yaml.Node) (string, bool) {
	n = deref(n)
	if n == nil || n.Kind != yaml.ScalarNode || n.ShortTag() == "!!null" {
		return "", false
	}
	return n.Value, true
}

// str returns the value of key in m when it is a scalar.
func str(m *yaml.Node, key string) string {
	s, _ := scalar(get(m, key))
	return s
}

// stringList returns a sequence of scalars; nil for anything else.
func stringList(n *yaml.Node) []string {
	n = deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for _, item := range n.Content {
		s, ok := scalar(item)
		if !ok {
			s = ""
		}
		out = append(out, s)
	}
	return out
}

// line is the line of a key node, or of the value when there is no key.
func line(k, v *yaml.Node) int {
	if k != nil {
		return k.Line
	}
	if v != nil {
		return v.Line
	}
	return 0
}

// walkNodes visits every node of a tree once, without following aliases,
// iteratively (the tree may be 10000 deep); visit returns false to stop.
func walkNodes(n *yaml.Node, visit func(*yaml.Node) bool) {
	stack := []*yaml.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n == nil {
			continue
		}
		if !visit(n) {
			return
		}
		stack = append(stack, n.Content...)
	}
}

func hasAlias(n *yaml.Node) bool {
	found := false
	walkNodes(n, func(n *yaml.Node) bool {
		if n.Kind == yaml.AliasNode {
			found = true
		}
		return !found
	})
	return found
}

// containsTemplate reports whether a scalar of the document holds {{.
func containsTemplate(n *yaml.Node) bool {
	found := false
	walkNodes(n, func(n *yaml.Node) bool {
		if n.Kind == yaml.ScalarNode && strings.Contains(n.Value, "{{") {
			found = true
		}
		return !found
	})
	return found
}
