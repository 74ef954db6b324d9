// Package astedit builds the text edits of suggested fixes.
package astedit

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// FileOf returns the file of files that holds pos, or nil.
func FileOf(files []*ast.File, pos token.Pos) *ast.File {
	for _, f := range files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// ImportName returns the name under which f imports path, and false when
// it does not (or only as _ or .).
func ImportName(f *ast.File, path string) (string, bool) {
	for _, spec := range f.Imports {
		p, _ := strconv.Unquote(spec.Path.Value)
		if p != path {
			continue
		}
		if spec.Name != nil {
			if spec.Name.Name == "_" || spec.Name.Name == "." {
				continue
			}
			return spec.Name.Name, true
		}
		return path[strings.LastIndex(path, "/")+1:], true
	}
	return "", false
}

// AddImport returns the edit that imports path into f, in sorted order
// within the first group of its import block (the standard library's, by
// gofmt convention).
func AddImport(fset *token.FileSet, f *ast.File, path string) analysis.TextEdit {
	quoted := strconv.Quote(path)
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if !gd.Lparen.IsValid() {
			return analysis.TextEdit{Pos: gd.End(), End: gd.End(), NewText: fmt.Appendf(nil, "\nimport %s", quoted)}
		}
		var last ast.Spec
		for _, spec := range gd.Specs {
			if last != nil && fset.Position(spec.Pos()).Line > fset.Position(last.End()).Line+1 {
				break // a blank line ends the first group
			}
			if p, _ := strconv.Unquote(spec.(*ast.ImportSpec).Path.Value); p > path {
				return analysis.TextEdit{Pos: spec.Pos(), End: spec.Pos(), NewText: []byte(quoted + "\n\t")}
			}
			last = spec
		}
		if last != nil {
			return analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte("\n\t" + quoted)}
		}
		return analysis.TextEdit{Pos: gd.Lparen + 1, End: gd.Lparen + 1, NewText: []byte("\n\t" + quoted + "\n")}
	}
	return analysis.TextEdit{Pos: f.Name.End(), End: f.Name.End(), NewText: fmt.Appendf(nil, "\n\nimport %s", quoted)}
}

// DeleteImport returns the edit that removes spec, an import of f, with the
// line break before it, so that an import added at the end of spec (see
// AddImport) still applies. It returns false when that cannot be done
// cleanly: spec has comments, or shares a line with other code.
func DeleteImport(fset *token.FileSet, f *ast.File, spec *ast.ImportSpec) (analysis.TextEdit, bool) {
	var gd *ast.GenDecl
	for _, d := range f.Decls {
		if d, ok := d.(*ast.GenDecl); ok && d.Tok == token.IMPORT && slices.Contains(d.Specs, ast.Spec(spec)) {
			gd = d
		}
	}
	if gd == nil || spec.Doc != nil || spec.Comment != nil {
		return analysis.TextEdit{}, false
	}
	tf := fset.File(spec.Pos())
	line := tf.Line(spec.Pos())
	if line < 2 || tf.Line(spec.End()) != line {
		return analysis.TextEdit{}, false
	}
	for _, c := range f.Comments {
		if tf.Line(c.Pos()) <= line && line <= tf.Line(c.End()) {
			return analysis.TextEdit{}, false
		}
	}
	end := spec.End()
	if gd.Lparen.IsValid() {
		if tf.Line(gd.Lparen) == line || tf.Line(gd.Rparen) == line {
			return analysis.TextEdit{}, false
		}
		for _, s := range gd.Specs {
			if s != spec && (tf.Line(s.Pos()) == line || tf.Line(s.End()) == line) {
				return analysis.TextEdit{}, false
			}
		}
	} else {
		// import "os": the whole declaration goes.
		if gd.Doc != nil || tf.Line(gd.Pos()) != line {
			return analysis.TextEdit{}, false
		}
		end = gd.End()
	}
	for _, d := range f.Decls {
		if d != ast.Decl(gd) && (tf.Line(d.Pos()) == line || tf.Line(d.End()) == line) {
			return analysis.TextEdit{}, false
		}
	}
	return analysis.TextEdit{Pos: tf.LineStart(line) - 1, End: end}, true
}
