package filepos

import (
	"go/token"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// A file edited between two passes that share a FileSet (the standalone
// command runs every package with one) gets its new lines.
func TestPosSeesEdits(t *testing.T) {
	name := filepath.Join(t.TempDir(), "k8s.yaml")
	write := func(s string) {
		if err := os.WriteFile(name, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fset := token.NewFileSet()
	line := func(n int) int {
		t.Helper()
		pos, ok := Pos(fset, name, n)
		if !ok {
			t.Fatalf("Pos(%s, %d): not found", name, n)
		}
		p := fset.Position(pos)
		if p.Filename != name {
			t.Fatalf("Pos(%s, %d) is in %s", name, n, p.Filename)
		}
		return p.Line
	}

	write("kind: Pod\nspec: {}\n")
	if got := line(2); got != 2 {
		t.Errorf("line 2: got line %d", got)
	}
	if got := line(3); got != 1 {
		t.Errorf("line 3 of a file of 2 lines: got line %d, want the file's start", got)
	}
	write("# a comment\n# another\nkind: Pod\nspec: {}\n")
	if got := line(3); got != 3 {
		t.Errorf("line 3 after the edit: got line %d, want 3", got)
	}

	if _, ok := Pos(fset, filepath.Join(t.TempDir(), "missing.yaml"), 1); ok {
		t.Error("Pos of a missing file: ok")
	}
}

// Pos keeps nothing: the FileSet of a finished pass, and the lines it
// holds, can be collected.
func TestPosKeepsNoFileSet(t *testing.T) {
	name := filepath.Join(t.TempDir(), "k8s.yaml")
	if err := os.WriteFile(name, []byte("kind: Pod\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	collected := make(chan struct{})
	func() {
		fset := token.NewFileSet()
		runtime.AddCleanup(fset, func(ch chan struct{}) { close(ch) }, collected)
		if _, ok := Pos(fset, name, 1); !ok {
			t.Fatal("Pos: not found")
		}
	}()
	deadline := time.After(10 * time.Second)
	for {
		runtime.GC()
		select {
		case <-collected:
			return
		case <-deadline:
			t.Fatal("the FileSet given to Pos is still reachable after the pass")
		case <-time.After(10 * time.Millisecond):
		}
	}
}
