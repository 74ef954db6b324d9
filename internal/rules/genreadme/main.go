// Command genreadme rewrites the generated regions of the README (the
// rule table and the rule sections) from the records of package rules.
// It runs as go generate ./internal/rules:
//
//	genreadme PATH-TO-README
package main

import (
	"fmt"
	"os"

	"github.com/sigtermlint/sigtermlint/internal/rules"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: genreadme README.md")
		os.Exit(2)
	}
	path := os.Args[1]
	old, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "genreadme:", err)
		os.Exit(1)
	}
	updated, err := rules.UpdateREADME(string(old))
	if err != nil {
		fmt.Fprintf(os.Stderr, "genreadme: %s: %v\n", path, err)
		os.Exit(1)
	}
	if updated == string(old) {
		return
	}
	if err := os.WriteFile(path, []byte(updated), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "genreadme:", err)
		os.Exit(1)
	}
}
