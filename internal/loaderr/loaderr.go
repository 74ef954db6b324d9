// Package loaderr is the one way the command's own drivers (-explain,
// -format=sarif) say that packages did not load or type-check: the lint
// did not run to its end, and an output without findings would look
// clean.
package loaderr

import (
	"strings"

	"golang.org/x/tools/go/packages"
)

// Error lists the errors, one per line, as go/packages and the checker
// say them.
type Error struct{ Errors []string }

func (e *Error) Error() string { return strings.Join(e.Errors, "\n") }

// Of lists the errors of the packages and their dependencies, once each,
// as multichecker prints them.
func Of(pkgs []*packages.Package) []string {
	var errs []string
	seen := map[string]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			if s := e.Error(); !seen[s] {
				seen[s] = true
				errs = append(errs, s)
			}
		}
	})
	return errs
}
