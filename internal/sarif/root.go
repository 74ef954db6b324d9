package sarif

import (
	"os"
	"path/filepath"
)

// SourceRoot returns the directory the log's paths are relative to: the
// nearest directory at or above moduleDir that holds .git (a directory,
// or a file in a git worktree or submodule), where code scanning roots
// its paths; else moduleDir itself, for a module that is not in a git
// checkout.
func SourceRoot(moduleDir string) string {
	for dir := moduleDir; ; {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return moduleDir
		}
		dir = parent
	}
}
