package sarif

import (
	"go/token"
	"os"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
)

// Contents returns the bytes of a file, or nil when it cannot be read.
// Columns are counted in UTF-16 code units from them.
type Contents func(filename string) []byte

// ReadFiles returns Contents that read each file from disk once.
func ReadFiles() Contents {
	cache := map[string][]byte{}
	return func(name string) []byte {
		content, ok := cache[name]
		if !ok {
			content, _ = os.ReadFile(name)
			cache[name] = content
		}
		return content
	}
}

// FromDiagnostic resolves the positions of a diagnostic, its related
// information and its suggested fixes in fset. Columns are converted from
// Go's bytes to UTF-16 code units with the files' contents; when a file
// cannot be read, or a //line directive maps the position to another
// file, the byte column stays (the same for ASCII text).
func FromDiagnostic(fset *token.FileSet, d analysis.Diagnostic, contents Contents) Finding {
	f := Finding{Category: d.Category, Message: d.Message, Span: span(fset, d.Pos, d.End, contents)}
	for _, r := range d.Related {
		f.Related = append(f.Related, Related{Span: span(fset, r.Pos, r.End, contents), Message: r.Message})
	}
	for _, sf := range d.SuggestedFixes {
		fix := Fix{Message: sf.Message}
		for _, e := range sf.TextEdits {
			fix.Edits = append(fix.Edits, Edit{Span: span(fset, e.Pos, e.End, contents), NewText: string(e.NewText)})
		}
		f.Fixes = append(f.Fixes, fix)
	}
	return f
}

// span resolves pos and end (NoPos: the same as pos).
func span(fset *token.FileSet, pos, end token.Pos, contents Contents) Span {
	if !pos.IsValid() {
		return Span{}
	}
	start := fset.Position(pos)
	s := Span{File: start.Filename, StartLine: start.Line, StartColumn: column(fset, pos, contents)}
	if stop := fset.Position(end); end.IsValid() && end >= pos && stop.Filename == start.Filename {
		s.EndLine, s.EndColumn = stop.Line, column(fset, end, contents)
	} else {
		s.EndLine, s.EndColumn = s.StartLine, s.StartColumn
	}
	return s
}

// column is the column of pos in UTF-16 code units.
func column(fset *token.FileSet, pos token.Pos, contents Contents) int {
	p := fset.Position(pos)
	if p.Column <= 0 || contents == nil || fset.PositionFor(pos, false) != p {
		return p.Column // unknown, or a //line directive's
	}
	content := contents(p.Filename)
	lineStart := p.Offset - (p.Column - 1)
	if content == nil || lineStart < 0 || p.Offset > len(content) {
		return p.Column
	}
	return utf16Len(content[lineStart:p.Offset]) + 1
}

// utf16Len is the length of b in UTF-16 code units; an invalid byte
// counts as one (it becomes U+FFFD).
func utf16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if l := utf16.RuneLen(r); l > 0 {
			n += l
		} else {
			n++
		}
		b = b[size:]
	}
	return n
}
