package sarif

import (
	"os"
	"path/filepath"
	"testing"
)

func TestSourceRoot(t *testing.T) {
	tmp := t.TempDir()
	mkdir := func(parts ...string) string {
		dir := filepath.Join(append([]string{tmp}, parts...)...)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	// A repository with a .git directory, a module below its root.
	repo := mkdir("repo", ".git")
	mod := mkdir("repo", "services", "api")
	if got, want := SourceRoot(mod), filepath.Dir(repo); got != want {
		t.Errorf("SourceRoot(%s) = %s, want the repository %s", mod, got, want)
	}
	// A git worktree: .git is a file.
	wt := mkdir("wt")
	if err := os.WriteFile(filepath.Join(wt, ".git"), []byte("gitdir: /elsewhere\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := SourceRoot(wt); got != wt {
		t.Errorf("SourceRoot(%s) = %s, want itself (.git file)", wt, got)
	}
	// No repository: the module root. (A .git above the temporary
	// directory would make this test meaningless: skip then.)
	plain := mkdir("plain", "mod")
	if SourceRoot(tmp) != tmp {
		t.Skipf("a .git above %s", tmp)
	}
	if got := SourceRoot(plain); got != plain {
		t.Errorf("SourceRoot(%s) = %s, want the module root", plain, got)
	}
}
