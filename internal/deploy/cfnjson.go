package deploy

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// jsonError is JSON that does not decode, with the line of the problem.
type jsonError struct {
	line int
	err  error
}

func (e *jsonError) Error() string { return e.err.Error() }

// jsonNode decodes a JSON document into the yaml.Node tree YAML would
// give for it (JSON is YAML), each node with its line, so that one reader
// serves both spellings of a CloudFormation template. The document is
// checked with encoding/json first: an error is a *jsonError with the
// line of the problem.
func jsonNode(data []byte) (*yaml.Node, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	// Unmarshal validates the whole input (nesting depth included) before
	// it decodes; a RawMessage keeps the decoding itself trivial.
	if err := json.Unmarshal(data, new(json.RawMessage)); err != nil {
		line := 0
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			off := int(syn.Offset)
			// At the end of the input, the last line that has text.
			if end := len(bytes.TrimRight(data, " \t\r\n")); off > end {
				off = end
			}
			line = lineOf(data, off)
		}
		return nil, &jsonError{line, err}
	}
	nl := newlineIndex(data)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var root *yaml.Node
	var open []*yaml.Node // the mappings and sequences not closed yet
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil { // not after the validation above
			return nil, &jsonError{0, err}
		}
		// Every token ends on the line it starts on (JSON strings hold
		// no raw newline).
		at := nl.line(int(dec.InputOffset()) - 1)
		var n *yaml.Node
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '{':
				n = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle}
			case '[':
				n = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
			default:
				open = open[:len(open)-1]
				continue
			}
		case string:
			n = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v, Style: yaml.DoubleQuotedStyle}
		case json.Number:
			tag := "!!float"
			if _, err := strconv.ParseInt(string(v), 10, 64); err == nil {
				tag = "!!int"
			}
			n = &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: string(v)}
		case bool:
			n = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v)}
		default: // null
			n = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
		}
		n.Line = at
		if len(open) == 0 {
			root = n
		} else {
			parent := open[len(open)-1]
			parent.Content = append(parent.Content, n)
		}
		if n.Kind != yaml.ScalarNode {
			open = append(open, n)
		}
	}
	return root, nil
}
