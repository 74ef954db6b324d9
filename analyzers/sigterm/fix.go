package sigterm

import (
	"fmt"
	"go/ast"
	"go/token"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/reach"
)

// addSIGTERM builds the sigint-only fix: SIGTERM added next to SIGINT in
// every signal list of package main that holds it. No fix is offered when
// the list is in another package.
func addSIGTERM(pass *analysis.Pass, prog *reach.Program) []analysis.SuggestedFix {
	var edits []analysis.TextEdit
	imported := map[*ast.File]bool{}
	for _, n := range prog.Notifies {
		if n.IntElem == nil {
			continue
		}
		f := fileOf(pass, n.IntElem.Pos())
		if f == nil {
			continue
		}
		name, ok := signalPackageName(f)
		if !ok && !imported[f] {
			imported[f] = true
			edits = append(edits, addImport(pass.Fset, f, "syscall"))
		}
		edits = append(edits, analysis.TextEdit{
			Pos:     n.IntElem.End(),
			End:     n.IntElem.End(),
			NewText: []byte(", " + name + ".SIGTERM"),
		})
	}
	if len(edits) == 0 {
		return nil
	}
	return []analysis.SuggestedFix{{Message: "Add SIGTERM to the signal list", TextEdits: edits}}
}

func fileOf(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// signalPackageName returns the name under which f imports syscall, or
// else golang.org/x/sys/unix; ok is false when it imports neither
// (then the name is "syscall", to be imported).
func signalPackageName(f *ast.File) (name string, ok bool) {
	for _, want := range []string{"syscall", "golang.org/x/sys/unix"} {
		for _, spec := range f.Imports {
			path, _ := strconv.Unquote(spec.Path.Value)
			if path != want {
				continue
			}
			if spec.Name != nil {
				if spec.Name.Name == "_" || spec.Name.Name == "." {
					continue
				}
				return spec.Name.Name, true
			}
			return want[strings.LastIndex(want, "/")+1:], true
		}
	}
	return "syscall", false
}

// addImport returns the edit that imports path into f, in sorted order
// within the first group of its import block (the standard library's, by
// gofmt convention).
func addImport(fset *token.FileSet, f *ast.File, path string) analysis.TextEdit {
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
