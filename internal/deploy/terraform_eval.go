package deploy

import (
	"errors"
	"fmt"
	"math/big"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// tfEval evaluates the expressions of one module as far as the files
// tell: variables by their defaults, locals, and a few functions. What
// depends on anything else (a variable without a default, another
// resource's attributes, a data source, count and each) stays unknown;
// it is never guessed.
//
// Only the expressions a drain or a container needs are evaluated, and
// the locals they use: a module's other locals are never looked at.
type tfEval struct {
	r         *reader
	byName    map[string]*tfFile
	vars      map[string]*tfVar
	locals    map[string]*tfLocal
	resources map[string]*tfResource
	order     []*tfResource // in file and line order
	// dir is the module's directory on disk, the one file() reads
	// relative to, and root the directory it may not read above.
	dir, root string
	reads     map[string]tfRead // file() results by path
	funcs     map[string]function.Function
	drains    map[string]*tfDrain // drainOf results by resource
}

type tfVar struct {
	def  *hclsyntax.Attribute // nil: no default
	done bool
	v    cty.Value
	why  string
}

type tfLocal struct {
	attr  *hclsyntax.Attribute
	file  *tfFile
	state int8 // 0 not evaluated, 1 being evaluated, 2 done
	v     cty.Value
	why   string
}

type tfRead struct {
	v   cty.Value
	err error
}

func newTFEval(r *reader, m *tfModule) *tfEval {
	e := &tfEval{
		r:         r,
		byName:    map[string]*tfFile{},
		vars:      map[string]*tfVar{},
		locals:    map[string]*tfLocal{},
		resources: map[string]*tfResource{},
		reads:     map[string]tfRead{},
		drains:    map[string]*tfDrain{},
	}
	for _, f := range m.files {
		e.byName[f.name] = f
	}
	if f := m.files[0]; f.disk != "" {
		e.dir, e.root = filepath.Dir(f.disk), f.root
	}
	e.funcs = map[string]function.Function{
		"jsonencode": stdlib.JSONEncodeFunc,
		"jsondecode": tfJSONDecode,
		"file":       e.fileFunc(),
		"tostring":   stdlib.MakeToFunc(cty.String),
		"tonumber":   stdlib.MakeToFunc(cty.Number),
		"tobool":     stdlib.MakeToFunc(cty.Bool),
		"lookup":     stdlib.LookupFunc,
		"merge":      stdlib.MergeFunc,
		"concat":     stdlib.ConcatFunc,
	}
	return e
}

// Bounds on evaluation, so that a hostile module cannot make it run long:
// how deep locals may refer to locals, how many references and calls one
// expression may make, and how large a value may grow.
const (
	maxTFLocalDepth = 16
	maxTFRefs       = 256
	maxTFNodes      = 1 << 15
	maxTFBytes      = MaxFileSize
)

// eval evaluates expr. When the value is not wholly known, why says what
// it depends on ("var.delay has no default").
func (e *tfEval) eval(expr hclsyntax.Expression) (cty.Value, string) {
	return e.evalDepth(expr, 0)
}

func (e *tfEval) evalDepth(expr hclsyntax.Expression, depth int) (cty.Value, string) {
	if why := e.tooComplex(expr); why != "" {
		return cty.DynamicVal, why
	}
	vars := map[string]cty.Value{}
	varAttrs := map[string]cty.Value{}
	localAttrs := map[string]cty.Value{}
	why := ""
	because := func(w string) {
		if why == "" {
			why = w
		}
	}
	for _, tr := range expr.Variables() {
		root := tr.RootName()
		name, named := attrStep(tr, 1)
		switch root {
		case "var":
			v := e.vars[name]
			if !named {
				continue // var alone, var["x"]: an error below
			}
			if v == nil {
				varAttrs[name] = cty.DynamicVal
				because("var." + name + " is not declared in the module")
				continue
			}
			val, w := e.variable(name, v)
			varAttrs[name] = val
			if !val.IsWhollyKnown() {
				because(w)
			}
		case "local":
			l := e.locals[name]
			if !named {
				continue
			}
			if l == nil {
				localAttrs[name] = cty.DynamicVal
				because("local." + name + " is not declared in the module")
				continue
			}
			val, w := e.local(name, l, depth)
			localAttrs[name] = val
			if !val.IsWhollyKnown() {
				because(w)
			}
		case "path":
			// Relative paths are read from the module's directory, so
			// path.module is that directory.
			vars["path"] = cty.ObjectVal(map[string]cty.Value{
				"module": cty.StringVal("."),
				"root":   cty.StringVal("."),
				"cwd":    cty.UnknownVal(cty.String),
			})
		default:
			vars[root] = cty.DynamicVal
			because(traversalText(tr) + " is known only when Terraform runs")
		}
	}
	vars["var"] = cty.ObjectVal(varAttrs)
	vars["local"] = cty.ObjectVal(localAttrs)
	v, diags := expr.Value(&hcl.EvalContext{Variables: vars, Functions: e.funcs})
	if diags.HasErrors() {
		return cty.DynamicVal, diagWhy(diags)
	}
	if tooLarge(v) {
		return cty.DynamicVal, "the value is too large to evaluate here"
	}
	if v.IsWhollyKnown() {
		return v, ""
	}
	if why == "" {
		why = "it is known only when Terraform runs"
	}
	return v, why
}

// variable is a variable's default. Terraform requires a default to be
// a constant; a tfvars file or -var may override it, which is not seen
// here.
func (e *tfEval) variable(name string, v *tfVar) (cty.Value, string) {
	if !v.done {
		v.done = true
		switch {
		case v.def == nil:
			v.v, v.why = cty.DynamicVal, "var."+name+" has no default"
		case e.tooComplex(v.def.Expr) != "":
			v.v, v.why = cty.DynamicVal, e.tooComplex(v.def.Expr)
		default:
			val, diags := v.def.Expr.Value(nil)
			switch {
			case diags.HasErrors():
				v.v, v.why = cty.DynamicVal, diagWhy(diags)
			case tooLarge(val):
				v.v, v.why = cty.DynamicVal, "the value is too large to evaluate here"
			default:
				v.v = val
			}
		}
	}
	return v.v, v.why
}

// local evaluates a local value once, with the locals it uses, down to
// maxTFLocalDepth; a local that refers to itself is unknown.
func (e *tfEval) local(name string, l *tfLocal, depth int) (cty.Value, string) {
	switch {
	case l.state == 2:
		return l.v, l.why
	case l.state == 1:
		return cty.DynamicVal, "local." + name + " refers to itself"
	case depth >= maxTFLocalDepth:
		return cty.DynamicVal, "local." + name + " is too deep in locals that use locals"
	}
	l.state = 1
	l.v, l.why = e.evalDepth(l.attr.Expr, depth+1)
	l.state = 2
	return l.v, l.why
}

// follow returns the expression a local reference stands for (local.x,
// "${local.x}", (local.x)), and the file it is in, so that the structure
// of what it holds (a jsonencode call, a list of objects) can be read.
func (e *tfEval) follow(expr hclsyntax.Expression, f *tfFile) (hclsyntax.Expression, *tfFile) {
	for range maxTFLocalDepth {
		switch x := expr.(type) {
		case *hclsyntax.TemplateWrapExpr:
			expr = x.Wrapped
			continue
		case *hclsyntax.ParenthesesExpr:
			expr = x.Expression
			continue
		case *hclsyntax.ScopeTraversalExpr:
			name, ok := attrStep(x.Traversal, 1)
			if l := e.locals[name]; ok && len(x.Traversal) == 2 && x.Traversal.RootName() == "local" && l != nil {
				expr, f = l.attr.Expr, l.file
				continue
			}
		}
		break
	}
	return expr, f
}

// refs returns the references of expr, with those to locals replaced by
// the references of the locals' expressions, at most maxTFRefs.
func (e *tfEval) refs(expr hclsyntax.Expression) []hcl.Traversal {
	var out []hcl.Traversal
	var walk func(hclsyntax.Expression, int)
	walk = func(expr hclsyntax.Expression, depth int) {
		for _, tr := range expr.Variables() {
			if len(out) >= maxTFRefs {
				return
			}
			if name, ok := attrStep(tr, 1); ok && tr.RootName() == "local" && depth < maxTFLocalDepth {
				if l := e.locals[name]; l != nil {
					walk(l.attr.Expr, depth+1)
					continue
				}
			}
			out = append(out, tr)
		}
	}
	walk(expr, 0)
	return out
}

// resourceRef returns the resource of one of types that expr refers to
// (aws_lb_target_group.api.arn), through locals; nil when it refers to
// none in the module.
func (e *tfEval) resourceRef(expr hclsyntax.Expression, types ...string) *tfResource {
	for _, tr := range e.refs(expr) {
		name, ok := attrStep(tr, 1)
		if !ok {
			continue
		}
		for _, t := range types {
			if tr.RootName() == t {
				if x := e.resources[t+"."+name]; x != nil {
					return x
				}
			}
		}
	}
	return nil
}

// text is an expression's source, on one line and shortened, for
// messages.
func (e *tfEval) text(expr hclsyntax.Expression) string {
	rng := expr.Range()
	f := e.byName[rng.Filename]
	if f == nil || rng.Start.Byte < 0 || rng.End.Byte > len(f.data) || rng.Start.Byte > rng.End.Byte {
		return "the value"
	}
	s := oneLine(string(f.data[rng.Start.Byte:rng.End.Byte]))
	if utf8.RuneCountInString(s) > 60 {
		s = string([]rune(s)[:57]) + "..."
	}
	return s
}

// unresolved notes a value that is not known here, and what is skipped
// for it: "deregistration_delay = var.delay not resolved (var.delay has
// no default): aws_lb_target_group.api skipped". expr is nil for a value
// read from JSON text.
func (e *tfEval) unresolved(at Source, setting string, expr hclsyntax.Expression, why, skipped string) {
	what := setting
	if expr != nil {
		what += " = " + e.text(expr)
	}
	e.r.note(at.File, at.Line, "%s not resolved (%s): %s skipped", what, why, skipped)
}

// attrStep is the name of the attribute step i of a traversal (var.x:
// step 1 is x).
func attrStep(tr hcl.Traversal, i int) (string, bool) {
	if len(tr) <= i {
		return "", false
	}
	a, ok := tr[i].(hcl.TraverseAttr)
	return a.Name, ok
}

// traversalText is the root and first attribute of a reference:
// aws_ecr_repository.api, var.x, count.index.
func traversalText(tr hcl.Traversal) string {
	s := tr.RootName()
	if name, ok := attrStep(tr, 1); ok {
		s += "." + name
	}
	return s
}

func diagWhy(diags hcl.Diagnostics) string {
	d := firstError(diags)
	if d.Detail != "" && len(d.Detail) <= 160 {
		return strings.TrimSuffix(oneLine(d.Detail), ".")
	}
	return strings.TrimSuffix(oneLine(d.Summary), ".")
}

// tooComplex says why an expression is not evaluated: it calls a
// function that is not evaluated here (templatefile, timestamp); a for
// expression or a splat iterates over values as large as maxTFNodes, in
// a body that may do as much again; an expression with more references
// and calls than maxTFRefs may copy large values as often. The values a
// drain or a container needs are literals, references and a call or two.
func (e *tfEval) tooComplex(expr hclsyntax.Expression) string {
	why := ""
	n := 0
	hclsyntax.VisitAll(expr, func(node hclsyntax.Node) hcl.Diagnostics {
		switch x := node.(type) {
		case *hclsyntax.ForExpr, *hclsyntax.SplatExpr:
			if why == "" {
				why = "for expressions and splats are not evaluated here"
			}
		case *hclsyntax.FunctionCallExpr:
			if _, ok := e.funcs[x.Name]; !ok && why == "" {
				why = x.Name + "() is not evaluated here"
			}
		}
		switch node.(type) {
		case *hclsyntax.ScopeTraversalExpr, *hclsyntax.RelativeTraversalExpr, *hclsyntax.FunctionCallExpr:
			n++
			if n > maxTFRefs && why == "" {
				why = "the expression is too large to evaluate here"
			}
		}
		return nil
	})
	return why
}

// tooLarge reports whether a value has more than maxTFNodes parts or
// maxTFBytes of strings.
func tooLarge(v cty.Value) bool {
	nodes, bytes := 0, 0
	var walk func(v cty.Value) bool
	walk = func(v cty.Value) bool {
		nodes++
		if nodes > maxTFNodes {
			return false
		}
		if !v.IsKnown() || v.IsNull() {
			return true
		}
		switch {
		case v.Type() == cty.String:
			bytes += len(v.AsString())
			return bytes <= maxTFBytes
		case v.CanIterateElements():
			for it := v.ElementIterator(); it.Next(); {
				_, el := it.Element()
				if !walk(el) {
					return false
				}
			}
		}
		return true
	}
	return !walk(v)
}

// fileFunc is Terraform's file(): the text of a file, relative to the
// module's directory, and only inside the directory the files were read
// from (the Discover root, or the directory Load was given).
func (e *tfEval) fileFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return e.readFile(args[0].AsString())
		},
	})
}

func (e *tfEval) readFile(p string) (cty.Value, error) {
	if res, ok := e.reads[p]; ok {
		return res.v, res.err
	}
	v, err := e.readFileOnce(p)
	e.reads[p] = tfRead{v, err}
	return v, err
}

func (e *tfEval) readFileOnce(p string) (cty.Value, error) {
	if e.dir == "" {
		return cty.NilVal, errors.New("the module's directory is not known")
	}
	full := filepath.FromSlash(p)
	if !filepath.IsAbs(full) {
		full = filepath.Join(e.dir, full)
	}
	if !e.inside(full) {
		return cty.NilVal, fmt.Errorf("%s is outside the directory read", p)
	}
	data, err := e.r.readFile(full)
	switch {
	case err != nil:
		return cty.NilVal, fmt.Errorf("%s: %v", p, pathErr(err))
	case data == nil:
		return cty.NilVal, fmt.Errorf("%s is larger than %d MiB", p, MaxFileSize>>20)
	case !utf8.Valid(data):
		return cty.NilVal, fmt.Errorf("%s is not UTF-8 text", p)
	}
	return cty.StringVal(string(data)), nil
}

// inside reports whether p is within e.root, as written and once
// symbolic links are resolved.
func (e *tfEval) inside(p string) bool {
	root, err1 := filepath.Abs(e.root)
	abs, err2 := filepath.Abs(p)
	if e.root == "" || err1 != nil || err2 != nil || !within(root, abs) {
		return false
	}
	realRoot, err1 := filepath.EvalSymlinks(root)
	real, err2 := filepath.EvalSymlinks(abs)
	if err1 != nil || err2 != nil {
		return true // a missing file fails to read
	}
	return within(realRoot, real)
}

// maxJSONNesting bounds the JSON that jsondecode takes: the decoder
// recurses for each level.
const maxJSONNesting = 512

// tfJSONDecode is jsondecode, refusing JSON nested past maxJSONNesting.
var tfJSONDecode = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "str", Type: cty.String}},
	Type: func(args []cty.Value) (cty.Type, error) {
		if args[0].IsKnown() && jsonTooDeep(args[0].AsString()) {
			return cty.NilType, fmt.Errorf("JSON nests deeper than %d levels", maxJSONNesting)
		}
		return stdlib.JSONDecodeFunc.ReturnTypeForValues(args)
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return stdlib.JSONDecodeFunc.Call(args)
	},
})

func jsonTooDeep(s string) bool {
	depth := 0
	inString, escaped := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			depth++
			if depth > maxJSONNesting {
				return true
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return false
}

// knownString returns a known, non-null string value.
func knownString(v cty.Value) (string, bool) {
	if !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}

// knownStrings returns the known strings a list starts with: the words of
// a command up to the first that is not known here (or not a string).
func knownStrings(v cty.Value) []string {
	if !v.IsKnown() || v.IsNull() || !(v.Type().IsListType() || v.Type().IsTupleType()) {
		return nil
	}
	var out []string
	for it := v.ElementIterator(); it.Next(); {
		_, el := it.Element()
		s, ok := knownString(el)
		if !ok {
			break
		}
		out = append(out, s)
	}
	return out
}

// seconds reads a whole number of seconds, 0 to maxSeconds: a number, or
// when strOK a string of digits (a target group's deregistration_delay
// is a string attribute of the AWS provider; Terraform converts numbers).
func seconds(v cty.Value, strOK bool) (time.Duration, bool) {
	var n int64
	switch {
	case v.Type() == cty.Number:
		bf := v.AsBigFloat()
		if !bf.IsInt() {
			return 0, false
		}
		i, acc := bf.Int64()
		if acc != big.Exact {
			return 0, false
		}
		n = i
	case v.Type() == cty.String && strOK:
		i, err := strconv.ParseInt(v.AsString(), 10, 64)
		if err != nil {
			return 0, false
		}
		n = i
	default:
		return 0, false
	}
	if n < 0 || n > maxSeconds {
		return 0, false
	}
	return time.Duration(n) * time.Second, true
}

// showCty prints a value for a warning: "-5", 2.5, true, a list.
func showCty(v cty.Value) string {
	switch {
	case !v.IsKnown():
		return "(unknown)"
	case v.IsNull():
		return "null"
	case v.Type() == cty.String:
		s := v.AsString()
		if utf8.RuneCountInString(s) > 40 {
			s = string([]rune(s)[:37]) + "..."
		}
		return strconv.Quote(s)
	case v.Type() == cty.Number:
		if bf := v.AsBigFloat(); bf.IsInt() {
			return bf.Text('f', 0)
		}
		return v.AsBigFloat().Text('g', -1)
	case v.Type() == cty.Bool:
		return strconv.FormatBool(v.True())
	}
	return v.Type().FriendlyName()
}
