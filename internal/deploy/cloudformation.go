package deploy

import (
	"bytes"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// CloudFormation templates (and SAM ones, which are CloudFormation with a
// transform), in YAML or JSON. Both are read as yaml.Node trees (JSON
// through jsonNode), so one reader serves both, and the intrinsic
// functions are recognized in either spelling: YAML's short-form tags
// (!Ref X, kept by yaml.v3 in Node.Tag) and the long form ({"Ref": "X"},
// {"Fn::GetAtt": [...]}).
//
// Read: the task definitions' containers (AWS::ECS::TaskDefinition), and
// the draining of the load balancers (AWS::ElasticLoadBalancingV2::TargetGroup,
// AWS::ElasticLoadBalancing::LoadBalancer) in front of the ECS services
// (AWS::ECS::Service) of the same template. References are followed
// within the template only: a cross-stack import is not resolved.

// mayBeCloudFormation is the cheap test before the precise one: the
// words a template cannot do without.
func mayBeCloudFormation(data []byte) bool {
	return bytes.Contains(data, []byte("AWSTemplateFormatVersion")) ||
		bytes.Contains(data, []byte("Resources")) && bytes.Contains(data, []byte("AWS::"))
}

// For a file that does not parse, the keys of a template, written as keys.
var (
	cfnVersionKey   = regexp.MustCompile(`["']?AWSTemplateFormatVersion["']?[ \t]*:`)
	cfnResourcesKey = regexp.MustCompile(`["']?Resources["']?[ \t]*:`)
	cfnAWSType      = regexp.MustCompile(`["']?Type["']?[ \t]*:[ \t]*["']?AWS::`)
)

// brokenCloudFormation reports whether a file that does not parse is
// written as a template: then it gets a warning (rather than being left
// to the other readers, or ignored as a file that is no manifest).
func brokenCloudFormation(data []byte) bool {
	return cfnVersionKey.Match(data) || cfnResourcesKey.Match(data) && cfnAWSType.Match(data)
}

// isCloudFormationYAML reports whether a YAML file is a CloudFormation
// template: its (first) document is a mapping with a Resources mapping
// whose entries each have a Type, one at least an AWS:: type. A file that
// does not parse is one when its text has a template's keys.
func isCloudFormationYAML(data []byte) bool {
	if !mayBeCloudFormation(data) {
		return false
	}
	docs, err := parseYAML(data)
	if len(docs) == 0 {
		return err != nil && brokenCloudFormation(data)
	}
	return isTemplate(docs[0])
}

// isCloudFormationJSON reports whether a JSON file is a CloudFormation
// template, as isCloudFormationYAML tells.
func isCloudFormationJSON(data []byte) bool {
	if !mayBeCloudFormation(data) {
		return false
	}
	root, err := jsonNode(data)
	if err != nil {
		return brokenCloudFormation(data)
	}
	return isTemplate(root)
}

// isTemplate reports whether a document is a CloudFormation template.
func isTemplate(root *yaml.Node) bool {
	root = deref(root)
	if root == nil || root.Kind != yaml.MappingNode {
		return false
	}
	res := get(root, "Resources")
	if res == nil || res.Kind != yaml.MappingNode {
		return false
	}
	aws := false
	for i := 0; i+1 < len(res.Content); i += 2 {
		v := deref(res.Content[i+1])
		if v == nil || v.Kind != yaml.MappingNode {
			return false
		}
		typ, ok := plainString(get(v, "Type"))
		if !ok {
			return false
		}
		aws = aws || strings.HasPrefix(typ, "AWS::")
	}
	return aws
}

// cloudFormationYAML reads a CloudFormation template in YAML (with its
// short-form tags: !Ref, !GetAtt, !Sub). A template is one document;
// one that does not parse is skipped with a warning.
func (r *reader) cloudFormationYAML(name string, data []byte) {
	docs, err := parseYAML(data)
	if err != nil {
		line, msg := yamlErrorLine(err)
		r.warn(name, line, "CloudFormation template skipped: YAML does not parse: %s", oneLine(msg))
		return
	}
	if len(docs) == 0 {
		return
	}
	root := docs[0]
	if hasAlias(root) {
		if err := checkAliases(root); err != nil {
			_, msg := yamlErrorLine(err)
			r.warn(name, root.Line, "CloudFormation template skipped: %s", oneLine(msg))
			return
		}
	}
	r.cloudFormation(name, root)
}

// cloudFormationJSON reads a CloudFormation template in JSON; one that
// does not decode is skipped with a warning.
func (r *reader) cloudFormationJSON(name string, data []byte) {
	root, err := jsonNode(data)
	if err != nil {
		line := 0
		if je, ok := err.(*jsonError); ok {
			line = je.line
		}
		r.warn(name, line, "CloudFormation template skipped: JSON does not parse: %s", oneLine(err.Error()))
		return
	}
	r.cloudFormation(name, root)
}

// oneLine keeps a message on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// cfnTemplate is a template's parameters and resources.
type cfnTemplate struct {
	file string
	// params are the parameters' Default nodes (nil for a parameter
	// without one).
	params map[string]*yaml.Node
	byID   map[string]*cfnResource
	list   []*cfnResource // in the file's order
}

// cfnResource is one entry of Resources.
type cfnResource struct {
	id    string
	line  int // the logical id's
	typ   string
	props *yaml.Node
}

func newCFNTemplate(file string, root *yaml.Node) *cfnTemplate {
	t := &cfnTemplate{file: file, params: map[string]*yaml.Node{}, byID: map[string]*cfnResource{}}
	forPairs(get(root, "Parameters"), func(k, v *yaml.Node) {
		if _, dup := t.params[k.Value]; !dup {
			t.params[k.Value] = get(v, "Default")
		}
	})
	forPairs(get(root, "Resources"), func(k, v *yaml.Node) {
		if _, dup := t.byID[k.Value]; dup {
			return
		}
		typ, _ := plainString(get(v, "Type"))
		res := &cfnResource{id: k.Value, line: k.Line, typ: typ, props: get(v, "Properties")}
		t.byID[res.id] = res
		t.list = append(t.list, res)
	})
	return t
}

// forPairs calls f with the scalar keys of a mapping and their values.
func forPairs(m *yaml.Node, f func(k, v *yaml.Node)) {
	m = deref(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := deref(m.Content[i]), deref(m.Content[i+1])
		if k == nil || k.Kind != yaml.ScalarNode || isMergeKey(k) || v == nil {
			continue
		}
		f(k, v)
	}
}

// The resource types read.
const (
	cfnTaskDefinition = "AWS::ECS::TaskDefinition"
	cfnService        = "AWS::ECS::Service"
	cfnTargetGroup    = "AWS::ElasticLoadBalancingV2::TargetGroup"
	cfnClassicELB     = "AWS::ElasticLoadBalancing::LoadBalancer"
)

// cloudFormation reads a template: its task definitions' containers
// first, its load balancers' draining, then the ECS services that link
// them.
func (r *reader) cloudFormation(file string, root *yaml.Node) {
	t := newCFNTemplate(file, root)
	tasks := map[string]*cfnTask{}
	lbs := map[string]*cfnLB{}
	for _, res := range t.list {
		switch res.typ {
		case cfnTaskDefinition:
			tasks[res.id] = r.cfnTaskDefinition(t, res)
		case cfnTargetGroup:
			lbs[res.id] = r.cfnTargetGroup(t, res)
		case cfnClassicELB:
			lbs[res.id] = r.cfnClassicELB(t, res)
		}
	}
	for _, res := range t.list {
		if res.typ == cfnService {
			r.cfnService(t, res, tasks, lbs)
		}
	}
}
