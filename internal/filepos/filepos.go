// Package filepos gives positions in a FileSet to lines of files outside
// the Go packages (deployment manifests), so that diagnostics can point at
// them in their related information.
package filepos

import (
	"go/token"
	"os"
)

// Pos returns the position of line (1-based) of the file named name,
// adding the file, as it is now, to fset, as analyzers of assembly files
// do (x/tools' analysisutil.ReadFile). False when the file cannot be
// read.
//
// Nothing is kept between calls: an edited file gets its new lines, and
// the file's lines live as long as the FileSet the driver made for the
// pass. A pass calls it once per related position it reports, which is
// rare (a manifest line of a stop-signal, signal-not-delivered or
// shutdown-timeout finding).
func Pos(fset *token.FileSet, name string, line int) (token.Pos, bool) {
	content, err := os.ReadFile(name)
	if err != nil {
		return token.NoPos, false
	}
	tf := fset.AddFile(name, -1, len(content))
	tf.SetLinesForContent(content)
	if line < 1 || line > tf.LineCount() {
		return token.Pos(tf.Base()), true
	}
	return tf.LineStart(line), true
}
