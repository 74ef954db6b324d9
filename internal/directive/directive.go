package directive

import (
	"fmt"
	"go/ast"
	"go/token"
	"iter"
	"strings"
)

// Prefix starts every directive.
const Prefix = "//sigtermlint:"

// BadDirective is the category of the findings about directives: unknown,
// malformed, misplaced, contradicted by the code, or suppressing nothing.
// It is the one definition of the string; the rules and the shutdown
// analyzer, which reports these findings, refer to it. It cannot be
// ignored: a malformed directive is fixed, not silenced. It is part of the
// output contract: never rename it.
const BadDirective = "bad-directive"

// The declaration names.
const (
	Serves      = "serves"
	Handles     = "handles"
	StopsWithin = "stops-within"
	Manifest    = "manifest"
)

// The other directives' names; see ignore.go and stoptimeout.go.
const (
	ignoreName      = "ignore"
	stopTimeoutName = "stop-timeout"
)

// known lists every directive, for messages.
const known = Prefix + Serves + ", " + Prefix + Handles + ", " + Prefix + StopsWithin + ", " + Prefix + Manifest + ", " +
	Prefix + stopTimeoutName + ", " + Prefix + ignoreName

// Problem is a directive that is malformed, misplaced or unknown.
type Problem struct {
	Pos, End token.Pos
	Message  string
}

// comment is one comment that starts with Prefix.
type comment struct {
	*ast.Comment
	file  *ast.File
	group *ast.CommentGroup
	name  string // the word after Prefix: "handles"
	args  string // what follows it, without surrounding space: "SIGTERM,SIGINT"
}

// comments yields the files' comments that start with Prefix, in file
// order.
func comments(files []*ast.File) iter.Seq[comment] {
	return func(yield func(comment) bool) {
		for _, f := range files {
			for _, cg := range f.Comments {
				for _, c := range cg.List {
					rest, ok := strings.CutPrefix(c.Text, Prefix)
					if !ok {
						continue
					}
					name := rest
					if i := strings.IndexAny(rest, " \t"); i >= 0 {
						name = rest[:i]
					}
					if !yield(comment{Comment: c, file: f, group: cg, name: name, args: strings.TrimSpace(rest[len(name):])}) {
						return
					}
				}
			}
		}
	}
}

// Where names a declaration's position for messages: "main.go:12".
func Where(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	name := p.Filename
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return fmt.Sprintf("%s:%d", name, p.Line)
}
