package deploy

import (
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// tfTaskDef is an aws_ecs_task_definition read: its family and the
// containers its definitions declare.
type tfTaskDef struct {
	res    *tfResource
	family string // "" when not known
	// containers are the containers read, for the services' drains:
	// those whose stopTimeout is not known too (their StopTimeout is then
	// zero), not those whose stopTimeout is wrong.
	containers []Container
}

// tfField is one value of a container definition, with where it is
// written.
type tfField struct {
	v    cty.Value
	why  string // why v is not known
	src  Source
	expr hclsyntax.Expression // nil when read from JSON text
}

// tfContainerDef is one element of container_definitions: the keys read,
// by their lower-case name.
type tfContainerDef struct {
	src    Source
	fields map[string]*tfField
}

// The keys of a container definition read (ECS matches them
// case-insensitively, as encoding/json does).
var tfContainerKeys = map[string]bool{"name": true, "image": true, "command": true, "entrypoint": true, "stoptimeout": true}

// taskDefinitions reads the module's task definitions, adds their
// containers to the Set, and returns them by resource address.
func (e *tfEval) taskDefinitions() map[string]*tfTaskDef {
	tds := map[string]*tfTaskDef{}
	for _, x := range e.order {
		if x.typ == tfTaskDefinition {
			tds[x.id()] = e.taskDefinition(x)
		}
	}
	return tds
}

func (e *tfEval) taskDefinition(x *tfResource) *tfTaskDef {
	td := &tfTaskDef{res: x}
	if a := x.attr("family"); a != nil {
		v, _ := e.eval(a.Expr)
		td.family, _ = knownString(v)
	}
	fargate := false
	if a := x.attr("requires_compatibilities"); a != nil {
		v, _ := e.eval(a.Expr)
		words := knownStrings(v)
		fargate = len(words) > 0 && v.LengthInt() == len(words)
		for _, w := range words {
			fargate = fargate && w == "FARGATE"
		}
	}
	a := x.attr("container_definitions")
	if a == nil {
		return td
	}
	for _, def := range e.containerDefs(x, a) {
		c, stop := Container{Kind: KindECS, Workload: td.family, Source: def.src}, def.fields["stoptimeout"]
		if f := def.fields["name"]; f != nil {
			c.Name, _ = knownString(f.v)
		}
		if f := def.fields["image"]; f != nil {
			c.Image = imageOf(f.v)
		}
		if f := def.fields["entrypoint"]; f != nil {
			c.Command = knownStrings(f.v)
		}
		if f := def.fields["command"]; f != nil {
			c.Args = knownStrings(f.v)
		}
		switch {
		case stop == nil || stop.v.IsNull():
			c = e.r.ecsDefault(ecsPending{c, fargate})
		case !stop.v.IsKnown():
			e.unresolved(stop.src, "stopTimeout", stop.expr, stop.why, "container "+c.Name)
			td.containers = append(td.containers, c)
			continue
		default:
			d, ok := seconds(stop.v, false)
			if !ok {
				e.r.warn(stop.src.File, stop.src.Line, "stopTimeout %s is not a whole number of seconds: container %s skipped", showCty(stop.v), c.Name)
				continue
			}
			c.StopTimeout = Duration{D: d, Source: stop.src}
		}
		td.containers = append(td.containers, c)
		e.r.set.Containers = append(e.r.set.Containers, c)
	}
	return td
}

// imageOf is an image reference as far as it is known: a template whose
// unknown part is only the tag ("${local.repo}:${var.tag}" is not,
// "registry/api:${var.tag}" is) keeps its known start, which names the
// repository; otherwise "".
func imageOf(v cty.Value) string {
	if s, ok := knownString(v); ok {
		return s
	}
	if v.IsKnown() || v.Type() != cty.String {
		return ""
	}
	p := v.Range().StringPrefix()
	if i := strings.LastIndexAny(p, ":@"); i > strings.LastIndex(p, "/") && i > 0 {
		return p
	}
	return ""
}

// containerDefs reads container_definitions: jsonencode([...]) (read
// element by element, so that each value is evaluated on its own and
// keeps its line), or a JSON string (a heredoc, file("containers.json"),
// a local). What is not known here (templatefile, a variable) is a Note,
// and the task definition has no containers.
func (e *tfEval) containerDefs(x *tfResource, a *hclsyntax.Attribute) []tfContainerDef {
	at := Source{x.file.name, a.SrcRange.Start.Line}
	expr, f := e.follow(a.Expr, x.file)
	if call, ok := expr.(*hclsyntax.FunctionCallExpr); ok && call.Name == "jsonencode" && len(call.Args) == 1 && !call.ExpandFinal {
		arg, af := e.follow(call.Args[0], f)
		if tup, ok := arg.(*hclsyntax.TupleConsExpr); ok {
			var defs []tfContainerDef
			for _, el := range tup.Exprs {
				if def, ok := e.defFromSyntax(el, af); ok {
					defs = append(defs, def)
				}
			}
			return defs
		}
		v, why := e.eval(arg)
		return e.defsFromValue(x, a, v, why, func(int, string) Source { return at })
	}
	v, why := e.eval(expr)
	if v.IsKnown() && !v.IsNull() && v.Type() != cty.String {
		e.r.warn(at.File, at.Line, "container_definitions is not a JSON string: %s skipped", x.id())
		return nil
	}
	s, ok := knownString(v)
	if !ok {
		return e.defsFromValue(x, a, v, why, nil)
	}
	list, err := tfJSONDecode.Call([]cty.Value{cty.StringVal(s)})
	if err != nil {
		e.r.warn(at.File, at.Line, "container_definitions JSON does not parse: %s", oneLine(err.Error()))
		return nil
	}
	lineOf := func(int, string) Source { return at }
	if base, ok := heredocStart(expr, f); ok {
		lines := jsonLines([]byte(s), 3)
		lineOf = func(i int, key string) Source {
			p := strconv.Itoa(i)
			if key != "" {
				p += "/" + key
			}
			if n := lines[p]; n > 0 {
				return Source{f.name, base + n - 1}
			}
			return at
		}
	}
	return e.defsFromValue(x, a, list, "", lineOf)
}

// heredocStart returns the line a heredoc's text starts on, when the text
// is literal (no interpolation): its lines are then the file's.
func heredocStart(expr hclsyntax.Expression, f *tfFile) (int, bool) {
	t, ok := expr.(*hclsyntax.TemplateExpr)
	if !ok {
		return 0, false
	}
	for _, p := range t.Parts {
		if _, ok := p.(*hclsyntax.LiteralValueExpr); !ok {
			return 0, false
		}
	}
	rng := t.SrcRange
	if rng.Start.Byte < 0 || rng.Start.Byte+2 > len(f.data) || string(f.data[rng.Start.Byte:rng.Start.Byte+2]) != "<<" {
		return 0, false
	}
	return rng.Start.Line + 1, true
}

// defsFromValue reads container definitions from an evaluated list;
// lineOf gives the line of element i's key ("" for the element). A list
// that is not known is a Note (lineOf nil: the attribute's line).
func (e *tfEval) defsFromValue(x *tfResource, a *hclsyntax.Attribute, v cty.Value, why string, lineOf func(i int, key string) Source) []tfContainerDef {
	at := Source{x.file.name, a.SrcRange.Start.Line}
	if !v.IsKnown() {
		e.unresolved(at, "container_definitions", a.Expr, why, x.id())
		return nil
	}
	if v.IsNull() {
		return nil
	}
	if !v.Type().IsListType() && !v.Type().IsTupleType() {
		e.r.warn(at.File, at.Line, "container_definitions is not a list of container definitions: %s skipped", x.id())
		return nil
	}
	var defs []tfContainerDef
	i := 0
	for it := v.ElementIterator(); it.Next(); i++ {
		_, el := it.Element()
		if !el.IsKnown() {
			e.r.note(at.File, at.Line, "container definition %d of %s not resolved (%s): skipped", i, x.id(), why)
			continue
		}
		def := tfContainerDef{src: lineOf(i, ""), fields: map[string]*tfField{}}
		if el.IsNull() || !(el.Type().IsObjectType() || el.Type().IsMapType()) {
			continue
		}
		for kt := el.ElementIterator(); kt.Next(); {
			k, fv := kt.Element()
			key := k.AsString()
			lower := strings.ToLower(key)
			if !tfContainerKeys[lower] || def.fields[lower] != nil {
				continue
			}
			def.fields[lower] = &tfField{v: fv, why: why, src: lineOf(i, key)}
		}
		if n := def.fields["name"]; n != nil {
			def.src = n.src
		}
		defs = append(defs, def)
	}
	return defs
}

// defFromSyntax reads one element of jsonencode([...]): an object
// constructor key by key, each value evaluated alone (an environment
// built with a for expression does not hide the name), at the line of
// its key; anything else evaluated whole.
func (e *tfEval) defFromSyntax(el hclsyntax.Expression, f *tfFile) (tfContainerDef, bool) {
	el, f = e.follow(el, f)
	obj, ok := el.(*hclsyntax.ObjectConsExpr)
	if !ok {
		at := Source{f.name, el.Range().Start.Line}
		v, why := e.eval(el)
		switch {
		case !v.IsKnown():
			e.r.note(at.File, at.Line, "container definition %s not resolved (%s): skipped", e.text(el), why)
			return tfContainerDef{}, false
		case v.IsNull() || !(v.Type().IsObjectType() || v.Type().IsMapType()):
			return tfContainerDef{}, false
		}
		def := tfContainerDef{src: at, fields: map[string]*tfField{}}
		for kt := v.ElementIterator(); kt.Next(); {
			k, fv := kt.Element()
			lower := strings.ToLower(k.AsString())
			if tfContainerKeys[lower] && def.fields[lower] == nil {
				def.fields[lower] = &tfField{v: fv, why: why, src: at}
			}
		}
		return def, true
	}
	def := tfContainerDef{src: Source{f.name, obj.SrcRange.Start.Line}, fields: map[string]*tfField{}}
	for _, item := range obj.Items {
		key, ok := objectKey(item.KeyExpr)
		lower := strings.ToLower(key)
		if !ok || !tfContainerKeys[lower] || def.fields[lower] != nil {
			continue
		}
		v, why := e.eval(item.ValueExpr)
		def.fields[lower] = &tfField{v: v, why: why, src: Source{f.name, item.KeyExpr.Range().Start.Line}, expr: item.ValueExpr}
	}
	if n := def.fields["name"]; n != nil {
		def.src = n.src
	}
	return def, true
}

// objectKey is the name an object constructor's key gives: name = or
// "name" =.
func objectKey(k hclsyntax.Expression) (string, bool) {
	if ck, ok := k.(*hclsyntax.ObjectConsKeyExpr); ok {
		if ck.ForceNonLiteral {
			return "", false
		}
		k = ck.Wrapped
	}
	if st, ok := k.(*hclsyntax.ScopeTraversalExpr); ok && len(st.Traversal) == 1 {
		return st.Traversal.RootName(), true
	}
	t, ok := k.(*hclsyntax.TemplateExpr)
	if !ok || len(t.Parts) != 1 {
		return "", false
	}
	lit, ok := t.Parts[0].(*hclsyntax.LiteralValueExpr)
	if !ok {
		return "", false
	}
	return knownString(lit.Val)
}
