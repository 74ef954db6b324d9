// Command gendocs rewrites the generated regions of the README (the rule
// table) and of docs/rules.md (the table and the rule sections) from the
// analyzers' rule records. It runs as go generate ./internal/ruledoc:
//
//	gendocs REPOSITORY-ROOT
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/sigtermlint/sigtermlint/analyzers/shutdown"
	"github.com/sigtermlint/sigtermlint/analyzers/sigterm"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gendocs REPOSITORY-ROOT")
		os.Exit(2)
	}
	rules := append(sigterm.Rules(), shutdown.Rules()...)
	for _, d := range []ruledoc.Doc{ruledoc.README, ruledoc.Page} {
		if err := update(filepath.Join(os.Args[1], d.Name), d, rules); err != nil {
			fmt.Fprintln(os.Stderr, "gendocs:", err)
			os.Exit(1)
		}
	}
}

// update rewrites the generated regions of the file at path, d.
func update(path string, d ruledoc.Doc, rules []ruledoc.Rule) error {
	old, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	updated, err := d.Update(string(old), rules)
	if err != nil || updated == string(old) {
		return err
	}
	return os.WriteFile(path, []byte(updated), 0o644)
}
