package deploy

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// cfnIntrinsic returns the intrinsic function a CloudFormation value
// calls, by its long name ("Ref", "Fn::Sub", "Fn::GetAtt"), and the node
// that holds its argument: the short form of YAML (!Ref X, a tag on the
// node itself, which is then the argument) or the long form ({"Ref": "X"},
// a mapping of one key). "" for a plain value. Any tag that is not one of
// YAML's own is taken as a function, known or not.
func cfnIntrinsic(n *yaml.Node) (string, *yaml.Node) {
	n = deref(n)
	if n == nil {
		return "", nil
	}
	if strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.ShortTag(), "!!") {
		name := n.Tag[1:]
		if name != "Ref" && name != "Condition" {
			name = "Fn::" + name
		}
		return name, n
	}
	if n.Kind == yaml.MappingNode && len(n.Content) == 2 {
		if k := deref(n.Content[0]); k != nil && k.Kind == yaml.ScalarNode && (k.Value == "Ref" || strings.HasPrefix(k.Value, "Fn::")) {
			return k.Value, deref(n.Content[1])
		}
	}
	return "", nil
}

// shortForm spells an intrinsic function as YAML's short form does:
// !Ref, !Sub, !GetAtt.
func shortForm(name string) string {
	return "!" + strings.TrimPrefix(name, "Fn::")
}

// plainString returns a value written as a plain scalar (a string, a
// number, a boolean), not computed by a function; false otherwise.
func plainString(n *yaml.Node) (string, bool) {
	if name, _ := cfnIntrinsic(n); name != "" {
		return "", false
	}
	return scalar(n)
}

// plainList returns a list of plain scalars; an item computed by a
// function is "". nil when the list itself is not written out.
func plainList(n *yaml.Node) []string {
	n = deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	if name, _ := cfnIntrinsic(n); name != "" {
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for _, item := range n.Content {
		s, _ := plainString(item)
		out = append(out, s)
	}
	return out
}

// resolve returns the scalar value of a node, with the references it can
// follow within the template: !Ref to a parameter with a Default (the
// default), !Sub of a string whose variables are such parameters. ok is
// false when the value is not known: why then says which function or
// reference it is, or is "" when the node is no scalar at all (a mapping,
// a list, null).
func (t *cfnTemplate) resolve(n *yaml.Node) (s string, ok bool, why string) {
	name, arg := cfnIntrinsic(n)
	switch name {
	case "":
		s, ok = scalar(n)
		return s, ok, ""
	case "Ref":
		ref, _ := scalar(arg)
		if d, ok := t.paramDefault(ref); ok {
			return d, true, ""
		}
		return "", false, "!Ref " + ref + " (" + t.refWhat(ref) + ")"
	case "Fn::Sub":
		if arg != nil && arg.Kind == yaml.ScalarNode {
			if s, ok := t.sub(arg.Value); ok {
				return s, true, ""
			}
			return "", false, "!Sub " + strconv.Quote(arg.Value)
		}
	}
	return "", false, shortForm(name)
}

// paramDefault returns the Default of a template parameter.
func (t *cfnTemplate) paramDefault(name string) (string, bool) {
	d, declared := t.params[name]
	if !declared || d == nil {
		return "", false
	}
	return plainString(d)
}

// refWhat says what a reference that does not resolve to a value names.
func (t *cfnTemplate) refWhat(ref string) string {
	if _, declared := t.params[ref]; declared {
		return "a parameter without a Default"
	}
	if strings.HasPrefix(ref, "AWS::") {
		return "a pseudo parameter"
	}
	if _, ok := t.byID[ref]; ok {
		return "a resource"
	}
	return "not declared in the template"
}

// sub expands a !Sub string whose variables are all parameters with a
// Default; ${!Literal} is written as ${Literal}. false for any other
// variable (a resource, an attribute, a pseudo parameter).
func (t *cfnTemplate) sub(s string) (string, bool) {
	var b strings.Builder
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			b.WriteString(s)
			return b.String(), true
		}
		b.WriteString(s[:i])
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s[i:])
			return b.String(), true
		}
		v := s[i+2 : i+j]
		if strings.HasPrefix(v, "!") {
			b.WriteString("${" + v[1:] + "}")
		} else {
			d, ok := t.paramDefault(strings.TrimSpace(v))
			if !ok {
				return "", false
			}
			b.WriteString(d)
		}
		s = s[i+j+1:]
	}
}

// wholeSeconds reads a number of seconds written as a whole number, from
// 0 to maxSeconds.
func wholeSeconds(s string) (int64, bool) {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n < 0 || n > maxSeconds {
		return 0, false
	}
	return n, true
}

// refTarget returns the logical id a value refers to: !Ref Id, or
// !GetAtt Id.Attribute (either spelling) when attr is the attribute (not
// ""); "" for anything else.
func refTarget(n *yaml.Node, attr string) string {
	name, arg := cfnIntrinsic(n)
	switch name {
	case "Ref":
		s, _ := scalar(arg)
		return s
	case "Fn::GetAtt":
		if arg == nil {
			return ""
		}
		var id, at string
		if arg.Kind == yaml.ScalarNode {
			id, at, _ = strings.Cut(arg.Value, ".")
		} else if arg.Kind == yaml.SequenceNode && len(arg.Content) == 2 {
			id, _ = plainString(arg.Content[0])
			at, _ = plainString(arg.Content[1])
		}
		if attr != "" && at == attr {
			return id
		}
	}
	return ""
}
