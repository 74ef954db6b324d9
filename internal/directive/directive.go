// Package directive reads the //sigtermlint: declarations, which tell the
// analyzers what they cannot see for themselves: a server started by a
// dependency-injection container, signals handled by a plugin, a stop
// routine behind reflection, a deployment file in another repository.
//
//	//sigtermlint:serves                  this function starts a server
//	//sigtermlint:handles SIGTERM,SIGINT  this function (or, in package main, the program) handles these signals
//	//sigtermlint:stops-within 20s        this function (or the program) stops its servers gracefully within 20s
//	//sigtermlint:manifest PATH[#NAME]    in package main: the program runs under this deployment file (and container)
//
// A declaration for a function is written in the function's doc comment;
// handles and stops-within may also stand anywhere in a file of package
// main, and then speak for the whole program. //sigtermlint:ignore and
// //sigtermlint:stop-timeout are read by their own packages; this one only
// knows their names. Any other //sigtermlint: name, and any declaration
// that does not parse, is returned with a Problem: the analyzers report it
// as bad-directive and ignore it.
package directive

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"
	"time"
)

// Prefix starts every directive.
const Prefix = "//sigtermlint:"

// The declaration names.
const (
	Serves      = "serves"
	Handles     = "handles"
	StopsWithin = "stops-within"
	Manifest    = "manifest"
	// Read elsewhere (internal/ignore, internal/stoptimeout), listed so
	// that they are not unknown.
	ignoreName      = "ignore"
	stopTimeoutName = "stop-timeout"
)

// Names lists every directive name, for messages.
var Names = []string{Serves, Handles, StopsWithin, Manifest, stopTimeoutName, ignoreName}

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

// Problem is a directive that is malformed, misplaced or unknown.
type Problem struct {
	Pos, End token.Pos
	Message  string
}

// Parse returns the declarations among the files' comments, and the
// problems: unknown names, malformed values, declarations in the wrong
// place. pkgName decides where program-wide declarations may stand.
func Parse(files []*ast.File, pkgName string) ([]Directive, []Problem) {
	var out []Directive
	var bad []Problem
	for _, f := range files {
		docs := map[*ast.CommentGroup]*ast.FuncDecl{}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
				docs[fd.Doc] = fd
			}
		}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				rest, ok := strings.CutPrefix(c.Text, Prefix)
				if !ok {
					continue
				}
				name := rest
				if i := strings.IndexAny(rest, " \t"); i >= 0 {
					name = rest[:i]
				}
				args := strings.TrimSpace(rest[len(name):])
				if name == ignoreName || name == stopTimeoutName {
					continue
				}
				d := Directive{Name: name, Pos: c.Pos(), End: c.End(), Func: docs[cg]}
				if msg := d.parse(args, pkgName); msg != "" {
					bad = append(bad, Problem{Pos: c.Pos(), End: c.End(), Message: msg})
					continue
				}
				out = append(out, d)
			}
		}
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
		v, err := time.ParseDuration(args)
		switch {
		case args == "":
			return fmt.Sprintf("malformed %s: want a duration such as 20s; it is ignored", spelled)
		case err != nil:
			return fmt.Sprintf("malformed %s: %q is not a duration such as 20s; it is ignored", spelled, args)
		case v <= 0:
			return fmt.Sprintf("malformed %s: the time must be positive, not %s; it is ignored", spelled, args)
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
		return fmt.Sprintf("unknown directive %s: the directives are %s", spelled, strings.Join(prefixed(Names), ", "))
	}
	return ""
}

func prefixed(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = Prefix + n
	}
	return out
}

// catchable are the signals a handles declaration may name; SIGKILL and
// SIGSTOP cannot be caught.
var catchable = []string{
	"SIGTERM", "SIGINT", "SIGQUIT", "SIGHUP", "SIGUSR1", "SIGUSR2",
	"SIGWINCH", "SIGPWR", "SIGABRT", "SIGALRM",
}

// parseSignals reads a signal list: names separated by commas or spaces,
// with or without the SIG prefix, in any case ("SIGTERM,SIGINT",
// "term int").
func parseSignals(args string) ([]string, string) {
	fields := strings.FieldsFunc(args, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
	if len(fields) == 0 {
		return nil, "want a signal list such as SIGTERM,SIGINT"
	}
	var out []string
	for _, f := range fields {
		name := strings.ToUpper(f)
		if !strings.HasPrefix(name, "SIG") {
			name = "SIG" + name
		}
		switch {
		case name == "SIGKILL" || name == "SIGSTOP":
			return nil, fmt.Sprintf("%s cannot be caught, so no program handles it", name)
		case !slices.Contains(catchable, name):
			return nil, fmt.Sprintf("unknown signal %q (known: %s)", f, strings.Join(catchable, ", "))
		case !slices.Contains(out, name):
			out = append(out, name)
		}
	}
	return out, ""
}

// Has reports whether some comment of the files is a directive this
// package reads: one that starts with Prefix and is not an ignore or a
// stop-timeout (read elsewhere). A cheap test before Parse.
func Has(files []*ast.File) bool {
	for _, f := range files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				rest, ok := strings.CutPrefix(c.Text, Prefix)
				if ok && !isNamed(rest, ignoreName) && !isNamed(rest, stopTimeoutName) {
					return true
				}
			}
		}
	}
	return false
}

// isNamed reports whether a directive's text after the prefix is name,
// alone or followed by its arguments.
func isNamed(rest, name string) bool {
	after, ok := strings.CutPrefix(rest, name)
	return ok && (after == "" || after[0] == ' ' || after[0] == '\t')
}

// Where names a declaration's position for messages: "main.go:12".
func Where(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	name := p.Filename
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return fmt.Sprintf("%s:%d", name, p.Line)
}
