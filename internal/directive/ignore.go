package directive

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"
)

// ignorePrefix starts an ignore directive: line suppressions that work
// under every driver (go vet has no //nolint).
const ignorePrefix = Prefix + ignoreName

// Ignore is one //sigtermlint:ignore comment.
type Ignore struct {
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
func (d *Ignore) Covers(fset *token.FileSet, category string, pos token.Pos) bool {
	if d.Problem != "" || !pos.IsValid() || fset.File(pos) != d.file {
		return false
	}
	return d.file.Line(pos) == d.line && slices.Contains(d.Categories, category)
}

// ParseIgnores returns the ignore directives among the files' comments,
// in file order. categories are the ones a directive may name: every
// finding of the analyzers (ruledoc.Ignorable), never BadDirective.
func ParseIgnores(fset *token.FileSet, files []*ast.File, categories []string) []*Ignore {
	var out []*Ignore
	var file *ast.File
	var code map[int]token.Pos // line -> where its first code token starts; built once per file
	for c := range comments(files) {
		if c.name != ignoreName {
			continue // not ours: //sigtermlint:ignored, // sigtermlint:ignore
		}
		if c.file != file {
			file, code = c.file, codeStarts(fset, c.file)
		}
		d := parseIgnore(c.args, categories)
		d.Pos, d.End = c.Pos(), c.End()
		d.file = fset.File(c.Pos())
		d.line = d.file.Line(c.Pos())
		if start, ok := code[d.line]; !ok || start > c.Pos() {
			d.line++ // on its own line: it covers the next one
		}
		out = append(out, d)
	}
	return out
}

// parseIgnore reads what follows the name: the categories, then the
// reason.
func parseIgnore(args string, categories []string) *Ignore {
	d := &Ignore{}
	fields := strings.Fields(args)
	if len(fields) == 0 {
		d.Problem = ignorePrefix + " needs a category and a reason: " + ignorePrefix + " CATEGORY[,CATEGORY] reason"
		return d
	}
	list := fields[0]
	d.Reason = strings.TrimSpace(strings.TrimPrefix(args, list))
	for _, cat := range strings.Split(list, ",") {
		switch {
		case cat == "":
			d.Problem = fmt.Sprintf("%s has an empty category in %q: separate categories with commas and no spaces", ignorePrefix, list)
			return d
		case cat == BadDirective:
			d.Problem = ignorePrefix + " cannot ignore " + BadDirective + ": fix or remove the directive that is reported"
			return d
		case !slices.Contains(categories, cat):
			d.Problem = fmt.Sprintf("%s names unknown category %q: the categories are %s", ignorePrefix, cat, strings.Join(categories, ", "))
			return d
		case !slices.Contains(d.Categories, cat):
			d.Categories = append(d.Categories, cat)
		}
	}
	if d.Reason == "" {
		d.Problem = ignorePrefix + " needs a reason: say why the finding does not apply"
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
