// Package filepos gives positions in a FileSet to lines of files outside
// the Go packages (deployment manifests), so that diagnostics can point at
// them in their related information.
package filepos

import (
	"go/token"
	"os"
	"sync"
)

var (
	mu    sync.Mutex
	files = map[key]*token.File{}
)

type key struct {
	fset *token.FileSet
	name string
}

// Pos returns the position of line (1-based) of the file named name,
// adding the file to fset once per FileSet, as analyzers of assembly
// files do. False when the file cannot be read.
func Pos(fset *token.FileSet, name string, line int) (token.Pos, bool) {
	mu.Lock()
	defer mu.Unlock()
	k := key{fset, name}
	tf, ok := files[k]
	if !ok {
		content, err := os.ReadFile(name)
		if err != nil {
			return token.NoPos, false
		}
		tf = fset.AddFile(name, -1, len(content))
		tf.SetLinesForContent(content)
		files[k] = tf
	}
	if line < 1 || line > tf.LineCount() {
		return token.Pos(tf.Base()), true
	}
	return tf.LineStart(line), true
}
