package sigterm

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/astedit"
	"github.com/sigtermlint/sigtermlint/internal/reach"
)

// addSIGTERM builds the sigint-only fix: in every signal list of package
// main that holds SIGINT or SIGKILL, os.Kill (SIGKILL) replaced by SIGTERM
// when the list holds it, else SIGTERM added next to SIGINT. No fix is
// offered when the list is in another package.
func addSIGTERM(pass *analysis.Pass, prog *reach.Program) []analysis.SuggestedFix {
	return sigtermFix(pass, prog, true)
}

// replaceKill builds the no-sigterm fix: os.Kill (SIGKILL) replaced by
// SIGTERM in every signal list of package main that holds it. No fix is
// offered when there is none.
func replaceKill(pass *analysis.Pass, prog *reach.Program) []analysis.SuggestedFix {
	return sigtermFix(pass, prog, false)
}

// sigtermFix edits the signal lists of package main so that they hold
// SIGTERM: a list's SIGKILL element is replaced by it (the program meant
// SIGTERM: SIGKILL cannot be caught), else, when nextToINT is set, SIGTERM
// is added after its SIGINT element. One edit per list, never both.
func sigtermFix(pass *analysis.Pass, prog *reach.Program, nextToINT bool) []analysis.SuggestedFix {
	var edits []analysis.TextEdit
	imported := map[*ast.File]bool{}
	done := map[token.Pos]bool{} // a list in a variable is shared by its Notify calls
	var replaced, added int
	var firstKill, firstName string
	dropped := map[*types.PkgName]int{} // uses of an import that replaced elements drop
	for _, n := range prog.Notifies {
		if n.Late {
			continue // installed after serving stopped: editing it changes nothing
		}
		elem := n.KillElem
		if elem == nil && nextToINT {
			elem = n.IntElem
		}
		if elem == nil || done[elem.Pos()] {
			continue
		}
		f := astedit.FileOf(pass.Files, elem.Pos())
		if f == nil {
			continue
		}
		done[elem.Pos()] = true
		name, ok := signalPackageName(f)
		if !ok && !imported[f] {
			imported[f] = true
			edits = append(edits, astedit.AddImport(pass.Fset, f, "syscall"))
		}
		if elem == n.KillElem {
			edits = append(edits, analysis.TextEdit{
				Pos:     elem.Pos(),
				End:     elem.End(),
				NewText: []byte(name + ".SIGTERM"),
			})
			if replaced == 0 {
				firstKill, firstName = types.ExprString(elem), name
			}
			replaced++
			if pkg := qualifier(pass, elem); pkg != nil && pkg.Name() != name {
				dropped[pkg]++ // os.Kill: os may be left unused
			}
		} else {
			edits = append(edits, analysis.TextEdit{
				Pos:     elem.End(),
				End:     elem.End(),
				NewText: []byte(", " + name + ".SIGTERM"),
			})
			added++
		}
	}
	edits = append(edits, unusedImports(pass, dropped)...)
	var msg string
	switch {
	case replaced == 0 && added == 0:
		return nil
	case added == 0:
		msg = fmt.Sprintf("Replace %s by %s.SIGTERM in the signal list", firstKill, firstName)
	case replaced == 0:
		msg = "Add SIGTERM to the signal list"
	default:
		msg = fmt.Sprintf("Add SIGTERM to the signal lists, in place of %s where they hold it", firstKill)
	}
	return []analysis.SuggestedFix{{Message: msg, TextEdits: edits}}
}

// qualifier returns the import that qualifies elem (os in os.Kill), or nil.
func qualifier(pass *analysis.Pass, elem ast.Expr) *types.PkgName {
	sel, ok := ast.Unparen(elem).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return nil
	}
	pkg, _ := pass.TypesInfo.Uses[id].(*types.PkgName)
	return pkg
}

// unusedImports returns the edits that delete the imports whose every use
// a fix replaces (os, when os.Kill was its only use), so that the fixed
// file compiles under drivers that do not remove unused imports.
func unusedImports(pass *analysis.Pass, dropped map[*types.PkgName]int) []analysis.TextEdit {
	if len(dropped) == 0 {
		return nil
	}
	uses := map[*types.PkgName]int{}
	for _, obj := range pass.TypesInfo.Uses {
		if pkg, ok := obj.(*types.PkgName); ok && dropped[pkg] > 0 {
			uses[pkg]++
		}
	}
	var edits []analysis.TextEdit
	for _, f := range pass.Files {
		for _, spec := range f.Imports {
			obj := pass.TypesInfo.Implicits[spec]
			if spec.Name != nil {
				obj = pass.TypesInfo.Defs[spec.Name]
			}
			pkg, ok := obj.(*types.PkgName)
			if !ok || dropped[pkg] == 0 || uses[pkg] != dropped[pkg] {
				continue
			}
			if edit, ok := astedit.DeleteImport(pass.Fset, f, spec); ok {
				edits = append(edits, edit)
			}
		}
	}
	return edits
}

// killRelated points at the SIGKILL elements of package main's signal
// lists.
func killRelated(prog *reach.Program) []analysis.RelatedInformation {
	var rel []analysis.RelatedInformation
	seen := map[token.Pos]bool{}
	for _, n := range prog.Notifies {
		if n.KillElem == nil || seen[n.KillElem.Pos()] {
			continue
		}
		seen[n.KillElem.Pos()] = true
		elem := types.ExprString(n.KillElem)
		msg := elem + " is SIGKILL, which cannot be caught: SIGTERM was probably meant here"
		if strings.HasSuffix(elem, "SIGKILL") {
			msg = "SIGKILL cannot be caught: SIGTERM was probably meant here"
		}
		rel = append(rel, analysis.RelatedInformation{Pos: n.KillElem.Pos(), End: n.KillElem.End(), Message: msg})
	}
	return rel
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
