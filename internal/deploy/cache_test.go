package deploy

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"
)

// tree writes files below a new directory and dates every file and
// directory an hour back, so that an edit made by the test changes a
// modification time whatever the file system's clock granularity.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		writeFile(t, filepath.Join(root, name), content)
	}
	old := time.Now().Add(-time.Hour)
	err := filepath.Walk(root, func(p string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		return os.Chtimes(p, old, old)
	})
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func grace(seconds string) string {
	return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  terminationGracePeriodSeconds: " + seconds + "\n  containers:\n    - name: api\n      image: api\n"
}

// timeouts returns the stop timeouts of the containers of set.
func timeouts(set *Set) []time.Duration {
	var out []time.Duration
	for _, c := range set.Containers {
		out = append(out, c.StopTimeout.D)
	}
	return out
}

func discoverIn(t *testing.T, c *Cache, root string) (*Set, bool) {
	t.Helper()
	set, read, err := c.Discover(root, "")
	if err != nil {
		t.Fatal(err)
	}
	return set, read
}

func TestCacheReadsOncePerPass(t *testing.T) {
	root := tree(t, map[string]string{"deploy/k8s.yaml": grace("20")})
	c := new(Cache)
	a, read := discoverIn(t, c, root)
	if !read {
		t.Error("first Discover of a new root: not read")
	}
	writeFile(t, filepath.Join(root, "deploy/k8s.yaml"), grace("5"))
	// The pass keeps the files as it first read them.
	b, read := discoverIn(t, c, root+"/./")
	if read || a != b {
		t.Errorf("second Discover of the pass: read %v, same Set %v; want the pass's first read", read, a == b)
	}

	var none *Cache
	if _, read := discoverIn(t, none, root); !read {
		t.Error("a nil Cache did not read")
	}
}

// Passes alive at the same time share a read while no file changes; a
// changed, added or removed file is read again by the next pass.
func TestCacheSharesUntilAFileChanges(t *testing.T) {
	root := tree(t, map[string]string{
		"deploy/k8s.yaml": grace("20"),
		"docs/notes.txt":  "not a manifest",
	})
	k8s := filepath.Join(root, "deploy/k8s.yaml")
	first := new(Cache)
	a, _ := discoverIn(t, first, root)

	pass := func(what string, want ...time.Duration) *Set {
		t.Helper()
		set, read := discoverIn(t, new(Cache), root)
		if !read {
			t.Errorf("%s: the next pass did not read the files again", what)
		}
		if got := timeouts(set); !slices.Equal(got, want) {
			t.Errorf("%s: stop timeouts %v, want %v", what, got, want)
		}
		return set
	}

	if b, read := discoverIn(t, new(Cache), root); read || a != b {
		t.Errorf("unchanged files: read %v, same Set %v; want the shared read", read, a == b)
	}

	// An edit that changes the size.
	writeFile(t, k8s, grace("5"))
	pass("edited", 5*time.Second)

	// The same size, another modification time.
	writeFile(t, k8s, grace("7"))
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(k8s, later, later); err != nil {
		t.Fatal(err)
	}
	pass("same size, new time", 7*time.Second)

	// A new file in a new directory: its parent's time changes.
	writeFile(t, filepath.Join(root, "deploy/prod/k8s.yaml"), grace("60"))
	pass("added", 7*time.Second, 60*time.Second)

	// A removed file.
	if err := os.Remove(k8s); err != nil {
		t.Fatal(err)
	}
	pass("removed", 60*time.Second)

	runtime.KeepAlive(first)
}

func TestCacheLoadSeesAFileAppear(t *testing.T) {
	root := tree(t, map[string]string{"deploy/k8s.yaml": grace("20")})
	paths := []string{"deploy/k8s.yaml", "deploy/late.yaml"}
	first := new(Cache)
	if _, _, err := first.Load(root, paths); err == nil {
		t.Fatal("Load of a missing file: no error")
	}
	writeFile(t, filepath.Join(root, "deploy/late.yaml"), grace("5"))
	set, read, err := new(Cache).Load(root, paths)
	if err != nil || !read {
		t.Fatalf("after the file appeared: read %v, error %v", read, err)
	}
	if got, want := timeouts(set), []time.Duration{20 * time.Second, 5 * time.Second}; !slices.Equal(got, want) {
		t.Errorf("stop timeouts %v, want %v", got, want)
	}
	runtime.KeepAlive(first)
}

// A script a Dockerfile copies is read from the build context: editing
// it is seen too.
func TestCacheSeesScriptEdits(t *testing.T) {
	root := tree(t, map[string]string{
		"Dockerfile":    "FROM alpine\nCOPY run.sh /run.sh\nENTRYPOINT [\"/run.sh\"]\n",
		"run.sh":        "#!/bin/sh\nexec /app\n",
		"deploy/x.yaml": grace("20"),
	})
	first := new(Cache)
	a, _ := discoverIn(t, first, root)
	writeFile(t, filepath.Join(root, "run.sh"), "#!/bin/sh\n/app\n")
	b, read := discoverIn(t, new(Cache), root)
	if !read || a == b {
		t.Errorf("edited script: read %v, same Set %v; want a new read", read, a == b)
	}
	runtime.KeepAlive(first)
}

// The index shares an entry only while a Cache holds it: once the passes
// that read a root are gone, nothing of it stays in the process.
func TestCacheEntriesDieWithTheirPasses(t *testing.T) {
	root := tree(t, map[string]string{"deploy/k8s.yaml": grace("20")})
	k := key{discover: true, root: absPath(root)}
	func() {
		c := new(Cache)
		discoverIn(t, c, root)
		if !inIndex(k) {
			t.Fatal("the root is not in the index while its pass holds it")
		}
	}()
	deadline := time.Now().Add(10 * time.Second)
	for inIndex(k) {
		if time.Now().After(deadline) {
			t.Fatal("the index still holds the root after its pass is gone")
		}
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	// And the next pass reads the files again.
	if _, read := discoverIn(t, new(Cache), root); !read {
		t.Error("a pass after the entry died did not read")
	}
}

func inIndex(k key) bool {
	index.mu.Lock()
	defer index.mu.Unlock()
	_, ok := index.m[k]
	return ok
}
