package sigterm

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/astedit"
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
		f := astedit.FileOf(pass.Files, n.IntElem.Pos())
		if f == nil {
			continue
		}
		name, ok := signalPackageName(f)
		if !ok && !imported[f] {
			imported[f] = true
			edits = append(edits, astedit.AddImport(pass.Fset, f, "syscall"))
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

// signalPackageName returns the name under which f imports syscall, or
// else golang.org/x/sys/unix; ok is false when it imports neither
// (then the name is "syscall", to be imported).
func signalPackageName(f *ast.File) (name string, ok bool) {
	for _, path := range []string{"syscall", "golang.org/x/sys/unix"} {
		if name, ok := astedit.ImportName(f, path); ok {
			return name, true
		}
	}
	return "syscall", false
}
