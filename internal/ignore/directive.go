// Package ignore applies //sigtermlint:ignore directives: line
// suppressions that work under every driver (go vet has no //nolint).
//
//	//sigtermlint:ignore CATEGORY[,CATEGORY] reason
//
// A directive on its own line covers the line right below it; a directive
// after code on the same line (a trailing comment) covers its own line.
// It suppresses the findings of the categories it names whose primary
// position is on the covered line. A directive that names no category, an
// unknown category, or no reason is malformed and suppresses nothing.
package ignore

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
)

// Prefix starts a directive.
const Prefix = "//sigtermlint:ignore"

// Categories lists the categories a directive may name: every finding of
// the sigterm and shutdown analyzers, as named in internal/ruledoc.
// bad-directive is not one of them: a malformed directive is fixed, not
// silenced.
var Categories = ruledoc.Ignorable()

// Directive is one //sigtermlint:ignore comment.
type Directive struct {
	Pos, End   token.Pos
	Categories []string
	Reason     string
	// Problem says why the directive is malformed; empty when it is
	// well-formed. A malformed directive suppresses nothing.
	Problem string

	file *token.File
	line int // the line it covers
}

// Covers reports whether the directive suppresses a finding of category
// at pos.
func (d *Directive) Covers(fset *token.FileSet, category string, pos token.Pos) bool {
	if d.Problem != "" || !pos.IsValid() || fset.File(pos) != d.file {
		return false
	}
	return d.file.Line(pos) == d.line && slices.Contains(d.Categories, category)
}

// Parse returns the directives among the files' comments, in file order.
func Parse(fset *token.FileSet, files []*ast.File) []*Directive {
	var out []*Directive
	for _, f := range files {
		var code map[int]token.Pos // line -> where its first code token starts; built on demand
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				rest, ok := strings.CutPrefix(c.Text, Prefix)
				if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
					continue // not ours: //sigtermlint:ignored, // sigtermlint:ignore
				}
				if code == nil {
					code = codeStarts(fset, f)
				}
				d := parse(rest)
				d.Pos, d.End = c.Pos(), c.End()
				d.file = fset.File(c.Pos())
				d.line = d.file.Line(c.Pos())
				if start, ok := code[d.line]; !ok || start > c.Pos() {
					d.line++ // on its own line: it covers the next one
				}
				out = append(out, d)
			}
		}
	}
	return out
}

// parse reads what follows the prefix: the categories, then the reason.
func parse(rest string) *Directive {
	d := &Directive{}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		d.Problem = Prefix + " needs a category and a reason: " + Prefix + " CATEGORY[,CATEGORY] reason"
		return d
	}
	list := fields[0]
	d.Reason = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), list))
	for _, cat := range strings.Split(list, ",") {
		switch {
		case cat == "":
			d.Problem = fmt.Sprintf("%s has an empty category in %q: separate categories with commas and no spaces", Prefix, list)
			return d
		case cat == Category:
			d.Problem = Prefix + " cannot ignore bad-directive: fix or remove the directive that is reported"
			return d
		case !slices.Contains(Categories, cat):
			d.Problem = fmt.Sprintf("%s names unknown category %q: the categories are %s", Prefix, cat, strings.Join(Categories, ", "))
			return d
		case !slices.Contains(d.Categories, cat):
			d.Categories = append(d.Categories, cat)
		}
	}
	if d.Reason == "" {
		d.Problem = Prefix + " needs a reason: say why the finding does not apply"
	}
	return d
}

// codeStarts maps each line of f that holds code to the position of its
// first token, approximated by the nodes that start or end on it: every
// token of a line begins or ends some node.
func codeStarts(fset *token.FileSet, f *ast.File) map[int]token.Pos {
	tf := fset.File(f.Pos())
	starts := map[int]token.Pos{}
	mark := func(p token.Pos) {
		if !p.IsValid() || fset.File(p) != tf {
			return
		}
		line := tf.Line(p)
		if cur, ok := starts[line]; !ok || p < cur {
			starts[line] = p
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case nil, *ast.Comment, *ast.CommentGroup:
			return false
		case *ast.File:
			mark(n.Package) // the package clause; the file's range spans its comments
			return true
		}
		mark(n.Pos())
		mark(n.End() - 1)
		return true
	})
	return starts
}
