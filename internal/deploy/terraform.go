package deploy

import (
	"bytes"
	"path"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// The resource types read from Terraform files. Everything else (modules,
// data sources, other resources) is left alone: a module block's source
// is not followed.
const (
	tfTargetGroup    = "aws_lb_target_group"
	tfALBTargetGroup = "aws_alb_target_group" // the older name of the same resource
	tfELB            = "aws_elb"
	tfTaskDefinition = "aws_ecs_task_definition"
	tfService        = "aws_ecs_service"
)

var tfTypes = []string{tfTargetGroup, tfALBTargetGroup, tfELB, tfTaskDefinition, tfService}

// tfModule is the .tf files of one directory: Terraform reads them as one
// module, whose resources, variables and locals refer to each other
// across files.
type tfModule struct {
	files []*tfFile
	// relevant: a file declares a resource of tfTypes. A module without
	// one is not even parsed.
	relevant bool
}

// tfFile is a .tf file, kept until finishTerraform.
type tfFile struct {
	name string // as in the Set
	// disk and root are r.file and r.root when it was read: file()
	// reads relative to disk's directory, and only below root.
	disk, root string
	data       []byte
	body       *hclsyntax.Body
}

// tfResource is a resource block of one of tfTypes.
type tfResource struct {
	typ, name string
	block     *hclsyntax.Block
	file      *tfFile
}

// id is the resource's address, as other resources refer to it.
func (x *tfResource) id() string { return x.typ + "." + x.name }

// at is the line of the resource block.
func (x *tfResource) at() Source { return Source{x.file.name, x.block.TypeRange.Start.Line} }

func (x *tfResource) attr(name string) *hclsyntax.Attribute { return x.block.Body.Attributes[name] }

// terraformFile reads a Terraform file (.tf): aws_lb_target_group and
// aws_alb_target_group (deregistration_delay), aws_elb
// (connection_draining, connection_draining_timeout), aws_ecs_service
// (load_balancer blocks) and aws_ecs_task_definition
// (container_definitions). The resources of one directory (one Terraform
// module) refer to each other across files, so they are linked in
// finishTerraform, once every file is read.
//
// Here the file is only kept, and only when it may matter: when it names
// one of the resource types, or declares variables or locals that such a
// resource in another file of the directory may use. Most Terraform in a
// repository is about other things and costs a byte search.
func (r *reader) terraformFile(name string, data []byte) {
	relevant := false
	for _, t := range tfTypes {
		if bytes.Contains(data, []byte(`"`+t+`"`)) {
			relevant = true
			break
		}
	}
	if !relevant && !bytes.Contains(data, []byte("variable")) && !bytes.Contains(data, []byte("locals")) {
		return
	}
	dir := path.Dir(name)
	if r.tf == nil {
		r.tf = map[string]*tfModule{}
	}
	m := r.tf[dir]
	if m == nil {
		m = &tfModule{}
		r.tf[dir] = m
	}
	for _, f := range m.files {
		if f.name == name {
			return // named twice (a directory and a file in it)
		}
	}
	m.files = append(m.files, &tfFile{name: name, disk: r.file, root: r.root, data: data})
	m.relevant = m.relevant || relevant
}

// finishTerraform links the target groups read to the ECS services that
// use them and their task definitions' containers.
func (r *reader) finishTerraform() {
	dirs := make([]string, 0, len(r.tf))
	for dir, m := range r.tf {
		if m.relevant {
			dirs = append(dirs, dir)
		}
	}
	sort.Strings(dirs)
	for _, dir := range dirs {
		m := r.tf[dir]
		sort.Slice(m.files, func(i, j int) bool { return m.files[i].name < m.files[j].name })
		r.guard(m.files[0].name, func() { r.terraformModule(m) })
	}
	r.tf = nil
}

// terraformModule reads the files of one module: its task definitions'
// containers, and a Drain for each target group or classic ELB an ECS
// service of the module puts in front of its tasks.
func (r *reader) terraformModule(m *tfModule) {
	e := newTFEval(r, m)
	for _, f := range m.files {
		if r.parseTF(f) {
			e.collect(f)
		}
	}
	if len(e.order) == 0 {
		return
	}
	tds := e.taskDefinitions()
	r.set.Drains = append(r.set.Drains, e.serviceDrains(tds)...)
}

// parseTF parses a file, or warns once why it cannot be read.
func (r *reader) parseTF(f *tfFile) bool {
	// The parser recurses for every nesting level and operator, and a
	// stack overflow cannot be recovered: a file nested past anything
	// written by hand is refused before it is parsed.
	if line, deep := hclTooDeep(f.data, f.name); deep {
		r.warn(f.name, line, "HCL nests deeper than %d levels: skipped", maxHCLNesting)
		return false
	}
	file, diags := hclsyntax.ParseConfig(f.data, f.name, hcl.InitialPos)
	if diags.HasErrors() {
		d := firstError(diags)
		line := 0
		if d.Subject != nil {
			line = d.Subject.Start.Line
		}
		r.warn(f.name, line, "HCL does not parse: %s", oneLine(d.Summary))
		return false
	}
	body, ok := file.Body.(*hclsyntax.Body)
	if !ok {
		return false
	}
	f.body = body
	return true
}

// collect records the variables, locals and resources a file declares.
// Terraform refuses a module that declares one twice; the first is kept.
func (e *tfEval) collect(f *tfFile) {
	for _, b := range f.body.Blocks {
		switch {
		case b.Type == "variable" && len(b.Labels) == 1:
			if _, dup := e.vars[b.Labels[0]]; !dup {
				e.vars[b.Labels[0]] = &tfVar{def: b.Body.Attributes["default"]}
			}
		case b.Type == "locals":
			for name, a := range b.Body.Attributes {
				if _, dup := e.locals[name]; !dup {
					e.locals[name] = &tfLocal{attr: a, file: f}
				}
			}
		case b.Type == "resource" && len(b.Labels) == 2 && isTFType(b.Labels[0]):
			x := &tfResource{typ: b.Labels[0], name: b.Labels[1], block: b, file: f}
			if _, dup := e.resources[x.id()]; !dup {
				e.resources[x.id()] = x
				e.order = append(e.order, x)
			}
		}
	}
}

func isTFType(t string) bool {
	for _, x := range tfTypes {
		if t == x {
			return true
		}
	}
	return false
}

func firstError(diags hcl.Diagnostics) *hcl.Diagnostic {
	for _, d := range diags {
		if d.Severity == hcl.DiagError {
			return d
		}
	}
	return diags[0]
}

// maxHCLNesting bounds the nesting hclTooDeep lets through: hand-written
// Terraform nests a few tens of levels; the parser overflows the stack
// somewhere past ten thousand.
const maxHCLNesting = 1000

// hclTooDeep reports whether parsing data could recurse more than
// maxHCLNesting levels, and the line where it would. It counts what
// the parser recurses for, from the tokens (the scanner does not
// recurse): each open bracket, brace, parenthesis, quote, heredoc and
// template sequence still open, and the operators of each expression
// being read (a chain of binary or unary operators, conditionals and
// splats recurses once each). Template directives (%{ if }) nest through
// their end keywords, so each counts for good.
func hclTooDeep(data []byte, name string) (int, bool) {
	toks, _ := hclsyntax.LexConfig(data, name, hcl.InitialPos)
	type frame struct {
		typ hclsyntax.TokenType
		ops int
	}
	var stack []frame
	top := 0   // operators of the top-level expression being read
	level := 0 // the open frames, their operators and top
	directives := 0
	// resetOps ends an expression: a comma in any list, a newline at the
	// top level or between the attributes of a block or object.
	resetOps := func(newline bool) {
		if len(stack) == 0 {
			level -= top
			top = 0
			return
		}
		f := &stack[len(stack)-1]
		if newline && f.typ != hclsyntax.TokenOBrace {
			return
		}
		level -= f.ops
		f.ops = 0
	}
	addOp := func() {
		if n := len(stack); n > 0 {
			stack[n-1].ops++
		} else {
			top++
		}
		level++
	}
	var prev, prev2 hclsyntax.TokenType
	for _, t := range toks {
		switch t.Type {
		case hclsyntax.TokenOBrace, hclsyntax.TokenOBrack, hclsyntax.TokenOParen,
			hclsyntax.TokenOQuote, hclsyntax.TokenOHeredoc,
			hclsyntax.TokenTemplateInterp, hclsyntax.TokenTemplateControl:
			if t.Type == hclsyntax.TokenTemplateControl {
				directives++
			}
			stack = append(stack, frame{typ: t.Type})
			level++
		case hclsyntax.TokenCBrace, hclsyntax.TokenCBrack, hclsyntax.TokenCParen,
			hclsyntax.TokenCQuote, hclsyntax.TokenCHeredoc, hclsyntax.TokenTemplateSeqEnd:
			if n := len(stack); n > 0 {
				level -= 1 + stack[n-1].ops
				stack = stack[:n-1]
			}
			if t.Type == hclsyntax.TokenCBrack && prev == hclsyntax.TokenStar && prev2 == hclsyntax.TokenOBrack {
				addOp() // a splat, x[*], of the expression around it
			}
		case hclsyntax.TokenNewline:
			resetOps(true)
		case hclsyntax.TokenComma:
			resetOps(false)
		case hclsyntax.TokenPlus, hclsyntax.TokenMinus, hclsyntax.TokenStar, hclsyntax.TokenSlash,
			hclsyntax.TokenPercent, hclsyntax.TokenEqualOp, hclsyntax.TokenNotEqual,
			hclsyntax.TokenLessThan, hclsyntax.TokenLessThanEq, hclsyntax.TokenGreaterThan,
			hclsyntax.TokenGreaterThanEq, hclsyntax.TokenAnd, hclsyntax.TokenOr,
			hclsyntax.TokenBang, hclsyntax.TokenQuestion:
			addOp()
		}
		prev, prev2 = t.Type, prev
		if level+directives > maxHCLNesting {
			return t.Range.Start.Line, true
		}
	}
	return 0, false
}
