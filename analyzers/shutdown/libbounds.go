package shutdown

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermlint/sigtermlint/internal/durations"
	"github.com/sigtermlint/sigtermlint/internal/libbounds"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
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
	// hooks is the time the program's own stop hooks (fx's OnStop) take
	// at most, one after the other, when hooksKnown: each bounds its
	// drain itself. d is then a cap: the drain lasts the smaller.
	// hookParts are each hook's bound; hookReported says a hook alone
	// reaches the stop timeout, reported at its own Shutdown.
	hooks        time.Duration
	hooksKnown   bool
	hookParts    []string
	hookReported bool
}

// bound is how long the drain may last: the library's bound, or the
// hooks' when they end it sooner.
func (d libDrain) bound() time.Duration {
	if d.hooksKnown && d.hooks < d.d {
		return d.hooks
	}
	return d.d
}

// byHooks says whether the hooks, not the library's bound, end the drain.
func (d libDrain) byHooks() bool { return d.hooksKnown && d.hooks < d.d }

// hooksWhy says what bounds a drain the hooks end: "OnStop hooks 5s +
// 6s, under fx's default StopTimeout 15s".
func (d libDrain) hooksWhy(what string) string {
	hooks := "OnStop hook "
	if len(d.hookParts) > 1 {
		hooks = "OnStop hooks "
	}
	return hooks + strings.Join(d.hookParts, " + ") + ", under " + what + " " + durations.Format(d.d)
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
	what := drain.lib.What
	if drain.option != "" {
		what = drain.option
	}
	source := drain.source()
	if drain.byHooks() {
		source = drain.hooksWhy(what)
	}
	c.libBounds = append(c.libBounds, libraryBound{
		Pos: drain.call.Pos(), End: drain.call.End(), Library: drain.lib.Library,
		D: drain.bound(), Known: drain.known, Unbounded: drain.unbounded, Source: source,
	})
	switch {
	case !drain.known:
	case drain.unbounded:
		c.report.Report(analysis.Diagnostic{
			Pos: drain.call.Pos(), End: drain.call.End(), Category: ruledoc.UnboundedShutdown,
			Message: fmt.Sprintf("%s's graceful shutdown has no deadline (%s): a stuck %s holds the drain until SIGKILL",
				drain.lib.Library, drain.why, drain.stuck),
		})
	case drain.bound() < c.timeout.D:
	case drain.hookReported:
		// A hook alone reaches the stop timeout: reported at its
		// own Shutdown, once.
	case drain.byHooks():
		c.reportTimeout(drain.call.Pos(), drain.call.End(), drain.bound(), because(drain.call.Pos(), drain.call.End(), drain.hooksWhy(what)+", "+drain.lib.Module))
	default:
		c.reportTimeout(drain.call.Pos(), drain.call.End(), drain.d, because(drain.call.Pos(), drain.call.End(), what+", "+drain.lib.Module))
	}
}

// scopeOfBody returns the scope of a function body.
func (c *checker) scopeOfBody(body *ast.BlockStmt) *scope {
	return c.scopeByBody[body]
}

// declOf returns the declaration of a function of the package.
func (c *checker) declOf(fn *types.Func) *ast.FuncDecl {
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && c.pass.TypesInfo.Defs[fd.Name] == fn {
				return fd
			}
		}
	}
	return nil
}

// hookBound is the time a stop hook takes at most when it bounds its
// own drain: each graceful stop in it has a known deadline of its own
// (a WithTimeout in the hook, over fx's context or a fresh one), and
// nothing else in it waits (a receive, a select, a Wait). The total
// counts sleeps and stops one after the other, as for any stop.
func (c *checker) hookBound(s *scope) (time.Duration, bool) {
	if len(s.stops) == 0 || waitsOtherwise(c.pass.TypesInfo, s.body) {
		return 0, false
	}
	stops := append([]*stopCall(nil), s.stops...)
	sort.Slice(stops, func(i, j int) bool { return stops[i].call.Pos() < stops[j].call.Pos() })
	budgets := map[*stopCall]*budget{}
	var longest time.Duration
	for _, stop := range stops {
		l := c.lineageOf(s, stop)
		if !l.bounded || !l.deadlineKnown || l.timeoutCall == nil || stop.deferred {
			return 0, false
		}
		if _, cancelled := c.cancelled(s, stop, l); cancelled {
			return 0, false
		}
		b := c.budgetOf(s, stop, l, budgets, false)
		if b.why != "" {
			return 0, false
		}
		budgets[stop] = b
		longest = max(longest, b.total)
	}
	return longest, true
}

// waitsOtherwise reports whether a function body (its literals left
// out) waits on something other than a sleep or a stop: a receive, a
// select, a range over a channel, a Wait call.
func waitsOtherwise(info *types.Info, body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.UnaryExpr:
			found = found || n.Op == token.ARROW
		case *ast.SelectStmt:
			found = true
		case *ast.RangeStmt:
			if t := info.TypeOf(n.X); t != nil {
				_, found = t.Underlying().(*types.Chan)
			}
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Wait" {
				found = true
			}
		}
		return !found
	})
	return found
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
