package main

// The README's example: the built binary on examples/fataldrain prints
// what the README shows. The README's copy comes from a checkout in
// /tmp/sigtermlint (the command prints absolute paths), so the test puts
// that directory in place of this checkout's before comparing.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readmeCheckout is the directory the README's example ran in.
const readmeCheckout = "/tmp/sigtermlint"

func TestREADMEExample(t *testing.T) {
	t.Parallel()
	bin := sigtermlint(t)
	root := repoRoot(t)
	r := run(t, root, bin, "./examples/fataldrain")
	if r.code != 3 || r.stdout != "" || !strings.Contains(r.stderr, "exits as soon as Shutdown starts") {
		t.Fatalf("want exit 3 and the exit-before-drain finding on stderr, got\n%s", r)
	}
	shown := strings.ReplaceAll(r.stderr, filepath.ToSlash(root)+"/", readmeCheckout+"/")
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "$ sigtermlint ./examples/fataldrain\n"+shown+"```") {
		t.Errorf("README.md does not show this run of sigtermlint on examples/fataldrain (with %s for the checkout):\n%s", readmeCheckout, shown)
	}
	// The README shows the program too: keep it the example's source.
	src, err := os.ReadFile(filepath.Join(root, "examples", "fataldrain", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "```go\n"+string(src)+"```") {
		t.Errorf("README.md does not show examples/fataldrain/main.go as it is")
	}
}
