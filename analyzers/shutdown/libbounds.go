package shutdown

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/libbounds"
)

// libraryBound is a drain that a library bounds itself (fx's App.Run,
// hertz's Spin, ...), as found at the call in the program that starts
// it. The checker keeps them for the explain mode.
type libraryBound struct {
	Pos, End token.Pos
	Library  string
	// D is the bound when Known; Unbounded says the library waits
	// without a deadline.
	D         time.Duration
	Known     bool
	Unbounded bool
	// Source says what set the bound: the option ("fx.StopTimeout"), or
	// the library's default and where its code sets it.
	Source string
}

// libDrain is what a matcher found at a call that starts a library's
// drain.
type libDrain struct {
	lib  *libbounds.Bound
	call *ast.CallExpr
	// d is the bound when known; known is false when an option sets it
	// to something that cannot be evaluated.
	d     time.Duration
	known bool
	// option names what set the bound, "" for the library's default.
	option string
	// unbounded: the library waits without a deadline, because of why;
	// stuck names what can hold the drain.
	unbounded  bool
	why, stuck string
	// fromCode is where the library's code, in the version the program
	// builds with, sets the default d: "app.go:44"; "" for the table's.
	fromCode string
}

func defaultDrain(lib *libbounds.Bound, call *ast.CallExpr) libDrain {
	return libDrain{lib: lib, call: call, d: lib.Default, known: true}
}

func unknownDrain(lib *libbounds.Bound, call *ast.CallExpr) libDrain {
	return libDrain{lib: lib, call: call, option: lib.Option}
}

// configuredDrain is a bound an option sets to d.
func configuredDrain(lib *libbounds.Bound, call *ast.CallExpr, option string, d time.Duration) libDrain {
	return libDrain{lib: lib, call: call, d: d, known: true, option: option}
}

func unboundedDrain(lib *libbounds.Bound, call *ast.CallExpr, why, stuck string) libDrain {
	return libDrain{lib: lib, call: call, known: true, unbounded: true, option: lib.Option, why: why, stuck: stuck}
}

// source says what set the bound, for messages and records.
func (d libDrain) source() string {
	if d.option != "" {
		return d.option
	}
	if d.fromCode != "" {
		return d.lib.What + ", " + d.lib.Module + " " + d.fromCode
	}
	return d.lib.What + ", " + d.lib.Where()
}

// withCodeDefault replaces the table's default bound of a drain that
// the program does not configure with the one the library's code sets
// in the version the program builds with (read by reach into facts),
// when the code says: kratos v2.8 defaults to 10s, v2.9 to no deadline.
func (c *checker) withCodeDefault(d libDrain) libDrain {
	if !d.known || d.unbounded || d.option != "" {
		return d
	}
	def, ok := c.reach.LibraryDefault(d.lib.Library)
	switch {
	case !ok:
		return d
	case def.Unbounded:
		return unboundedDrain(d.lib, d.call, d.lib.Option+" is not set", "connection")
	}
	d.d, d.fromCode = def.D, def.Where
	return d
}

// checkLibraryBounds compares the bounds that libraries put on their own
// drain with the stop timeout, at the calls in this package that start
// such a drain. It needs no reachability: the library's code is the
// drain, and the table in internal/libbounds says how long it may take.
func (c *checker) checkLibraryBounds() {
	if !importsBoundingLibrary(c.pass.Pkg) {
		return
	}
	m := newLibMatcher(c)
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || takesTesting(c.pass.TypesInfo, fd) {
				continue
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if drain, ok := m.match(fd, call); ok {
						c.reportLibraryDrain(c.withCodeDefault(drain))
					}
				}
				return true
			})
		}
	}
}

// reportLibraryDrain records a library's drain and reports it when it
// has no deadline or may outlast the stop timeout. An option that cannot
// be evaluated is recorded only.
func (c *checker) reportLibraryDrain(drain libDrain) {
	c.libBounds = append(c.libBounds, libraryBound{
		Pos: drain.call.Pos(), End: drain.call.End(), Library: drain.lib.Library,
		D: drain.d, Known: drain.known, Unbounded: drain.unbounded, Source: drain.source(),
	})
	switch {
	case !drain.known:
	case drain.unbounded:
		c.report.Report(analysis.Diagnostic{
			Pos: drain.call.Pos(), End: drain.call.End(), Category: CategoryUnboundedShutdown,
			Message: fmt.Sprintf("%s's graceful shutdown has no deadline (%s): a stuck %s holds it until SIGKILL cuts the drain, with no log line",
				drain.lib.Library, drain.why, drain.stuck),
		})
	case drain.d >= c.timeout.D:
		what := drain.lib.What
		if drain.option != "" {
			what = drain.option
		}
		c.reportTimeout(drain.call.Pos(), drain.call.End(), drain.d, what+", "+drain.lib.Module)
	}
}

// importsBoundingLibrary reports whether the package imports a package
// of one of the libraries: most import none, and are done here.
func importsBoundingLibrary(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		for _, lib := range libbounds.All {
			if p := imp.Path(); p == lib.Module || strings.HasPrefix(p, lib.Module+"/") {
				return true
			}
		}
	}
	return false
}
