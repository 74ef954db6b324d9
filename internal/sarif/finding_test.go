package sarif

import (
	"go/token"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestFromDiagnostic(t *testing.T) {
	// Line 2 has "é" (2 bytes, 1 UTF-16 unit) and "𝄞" (4 bytes, 2 units)
	// before "srv".
	src := "package p\nvar s = \"é𝄞\"; var srv = 1\n"
	const name = "/src/p/p.go"
	fset := token.NewFileSet()
	tf := fset.AddFile(name, -1, len(src))
	tf.SetLinesForContent([]byte(src))
	off := func(s string) token.Pos {
		for i := range len(src) - len(s) + 1 {
			if src[i:i+len(s)] == s {
				return tf.Pos(i)
			}
		}
		t.Fatalf("%q not in the source", s)
		return token.NoPos
	}
	d := analysis.Diagnostic{
		Pos: off("srv"), End: off("srv") + 3, Category: "no-sigterm", Message: "msg",
		Related: []analysis.RelatedInformation{{Pos: off("var s"), Message: "here"}},
		SuggestedFixes: []analysis.SuggestedFix{{Message: "fix", TextEdits: []analysis.TextEdit{
			{Pos: off("1\n"), End: off("1\n") + 1, NewText: []byte("2")},
			{Pos: off("\n") + 1, NewText: []byte("// end\n")}, // End NoPos: an insertion
		}}},
	}
	contents := func(string) []byte { return []byte(src) }

	f := FromDiagnostic(fset, d, contents)
	// Bytes: "var s = \"" is 9, é 2, 𝄞 4, "\"; var " 7: srv at byte column 23;
	// in UTF-16: 9 + 1 + 2 + 7 = 19, column 20.
	if want := (Span{File: name, StartLine: 2, StartColumn: 20, EndLine: 2, EndColumn: 23}); f.Span != want {
		t.Errorf("span %+v, want %+v", f.Span, want)
	}
	if f.Category != "no-sigterm" || f.Message != "msg" {
		t.Errorf("finding %+v", f)
	}
	if len(f.Related) != 1 || f.Related[0].Span != (Span{File: name, StartLine: 2, StartColumn: 1, EndLine: 2, EndColumn: 1}) || f.Related[0].Message != "here" {
		t.Errorf("related %+v: want line 2 column 1, its end the same (End NoPos)", f.Related)
	}
	if len(f.Fixes) != 1 || len(f.Fixes[0].Edits) != 2 {
		t.Fatalf("fixes %+v", f.Fixes)
	}
	if e := f.Fixes[0].Edits[0]; e.Span != (Span{File: name, StartLine: 2, StartColumn: 26, EndLine: 2, EndColumn: 27}) || e.NewText != "2" {
		t.Errorf("edit %+v", e)
	}
	if e := f.Fixes[0].Edits[1]; e.Span != (Span{File: name, StartLine: 2, StartColumn: 1, EndLine: 2, EndColumn: 1}) || e.NewText != "// end\n" {
		t.Errorf("insertion %+v", e)
	}

	// Without the file's contents, columns stay in bytes.
	if f := FromDiagnostic(fset, d, func(string) []byte { return nil }); f.Span.StartColumn != 23 || f.Span.EndColumn != 26 {
		t.Errorf("without contents: span %+v, want byte columns 23-26", f.Span)
	}
}

// A //line directive maps positions to another file, whose text is not
// at hand: the column stays as the directive gives it.
func TestFromDiagnosticLineDirective(t *testing.T) {
	src := "package p\n//line gen.y:10:5\nvar é = 1\n"
	fset := token.NewFileSet()
	tf := fset.AddFile("/src/p/p.go", -1, len(src))
	tf.SetLinesForContent([]byte(src))
	tf.AddLineColumnInfo(len("package p\n//line gen.y:10:5\n"), "gen.y", 10, 5)
	pos := tf.Pos(len("package p\n//line gen.y:10:5\nvar é "))
	f := FromDiagnostic(fset, analysis.Diagnostic{Pos: pos, Message: "m"}, func(string) []byte { return []byte(src) })
	if f.Span.File != "/src/p/gen.y" && f.Span.File != "gen.y" || f.Span.StartLine != 10 || f.Span.StartColumn != 5+len("var é ") {
		t.Errorf("span %+v, want gen.y:10 at the directive's byte column", f.Span)
	}
}

func TestUTF16Len(t *testing.T) {
	for s, want := range map[string]int{"": 0, "abc": 3, "é": 1, "𝄞": 2, "\xff": 1} {
		if got := utf16Len([]byte(s)); got != want {
			t.Errorf("utf16Len(%q) = %d, want %d", s, got, want)
		}
	}
}
