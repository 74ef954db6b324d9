package directive

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"
	"time"

	"github.com/sigtermlint/sigtermlint/internal/signals"
)

// Directive is one well-formed declaration.
type Directive struct {
	Name     string
	Pos, End token.Pos
	// Func is the function whose doc comment holds the declaration; nil
	// for one that speaks for the program (package main only).
	Func *ast.FuncDecl

	Signals []string      // handles: canonical names (SIGTERM), in the order written
	D       time.Duration // stops-within
	Path    string        // manifest: as written, relative to the package directory
	Target  string        // manifest: the container or service after #, or ""
}

// Parse returns the declarations among the files' comments, and the
// problems: unknown names, malformed values, declarations in the wrong
// place. pkgName decides where program-wide declarations may stand.
func Parse(files []*ast.File, pkgName string) ([]Directive, []Problem) {
	docs := map[*ast.CommentGroup]*ast.FuncDecl{}
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
				docs[fd.Doc] = fd
			}
		}
	}
	var out []Directive
	var bad []Problem
	for c := range comments(files) {
		if c.name == ignoreName || c.name == stopTimeoutName {
			continue
		}
		d := Directive{Name: c.name, Pos: c.Pos(), End: c.End(), Func: docs[c.group]}
		if msg := d.parse(c.args, pkgName); msg != "" {
			bad = append(bad, Problem{Pos: c.Pos(), End: c.End(), Message: msg})
			continue
		}
		out = append(out, d)
	}
	return out, bad
}

// parse reads the directive's arguments and checks where it stands; it
// returns what is wrong, or "".
func (d *Directive) parse(args, pkgName string) string {
	spelled := Prefix + d.Name
	switch d.Name {
	case Serves:
		if args != "" {
			return fmt.Sprintf("%s takes no arguments, not %q; it is ignored", spelled, args)
		}
		if d.Func == nil {
			return spelled + " must be in the doc comment of the function that starts the server; it is ignored"
		}
	case Handles:
		if d.Func == nil && pkgName != "main" {
			return spelled + " must be in the doc comment of a function, or in package main for the whole program; it is ignored"
		}
		sigs, msg := parseSignals(args)
		if msg != "" {
			return fmt.Sprintf("malformed %s: %s; it is ignored", spelled, msg)
		}
		d.Signals = sigs
	case StopsWithin:
		if d.Func == nil && pkgName != "main" {
			return spelled + " must be in the doc comment of a function, or in package main for the whole program; it is ignored"
		}
		v, msg := parseDuration(args, "the time")
		if msg != "" {
			return fmt.Sprintf("malformed %s: %s; it is ignored", spelled, msg)
		}
		d.D = v
	case Manifest:
		if pkgName != "main" || d.Func != nil {
			return spelled + " binds a program to its deployment: it belongs in package main, outside doc comments of functions; it is ignored"
		}
		if args == "" || strings.ContainsAny(args, " \t") {
			return fmt.Sprintf("malformed %s: want one path such as deploy/k8s.yaml#api, not %q; it is ignored", spelled, args)
		}
		d.Path, d.Target, _ = strings.Cut(args, "#")
		if d.Path == "" {
			return fmt.Sprintf("malformed %s: %q has no file before #; it is ignored", spelled, args)
		}
	default:
		return fmt.Sprintf("unknown directive %s: the directives are %s", spelled, known)
	}
	return ""
}

// catchable are the signals a handles declaration may name, by their
// canonical names (internal/signals reads the spellings); SIGKILL and
// SIGSTOP cannot be caught.
var catchable = []string{
	"SIGTERM", "SIGINT", "SIGQUIT", "SIGHUP", "SIGUSR1", "SIGUSR2",
	"SIGWINCH", "SIGPWR", "SIGABRT", "SIGALRM",
}

// parseSignals reads a signal list: names separated by commas or spaces,
// with or without the SIG prefix, in any case ("SIGTERM,SIGINT",
// "term int"); no numbers.
func parseSignals(args string) ([]string, string) {
	fields := strings.FieldsFunc(args, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
	if len(fields) == 0 {
		return nil, "want a signal list such as SIGTERM,SIGINT"
	}
	var out []string
	for _, f := range fields {
		name, ok := signals.ParseName(f)
		switch {
		case name == "SIGKILL" || name == "SIGSTOP":
			return nil, fmt.Sprintf("%s cannot be caught, so no program handles it", name)
		case !ok || !slices.Contains(catchable, name):
			return nil, fmt.Sprintf("unknown signal %q (known: %s)", f, strings.Join(catchable, ", "))
		case !slices.Contains(out, name):
			out = append(out, name)
		}
	}
	return out, ""
}

// Has reports whether some comment of the files is a declaration, or
// an unknown directive: a directive that Parse reads, not an ignore or a
// stop-timeout. A cheap test before Parse.
func Has(files []*ast.File) bool {
	for c := range comments(files) {
		if c.name != ignoreName && c.name != stopTimeoutName {
			return true
		}
	}
	return false
}
