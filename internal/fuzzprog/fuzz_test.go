package fuzzprog

// FuzzAnalyzers builds programs with Generate, type-checks them in memory
// and runs the sigterm and shutdown analyzers (with reach and the
// configuration analyzer they require) through the x/tools checker, the
// driver of the standalone command. The standard library is imported
// from export data once per process; the reach analyzer does not run on
// it anyway (known.go recognizes it by path), so the checker sees the
// generated packages only: package main and, when the helpers live
// there, package lib, whose facts main imports.
//
// Run it with
//
//	go test -run=NONE -fuzz=FuzzAnalyzers -fuzztime=10m -parallel=1 ./internal/fuzzprog/
//
// Crashers land in testdata/fuzz/FuzzAnalyzers and run with go test.

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/sigtermlint/sigtermlint/analyzers/shutdown"
	"github.com/sigtermlint/sigtermlint/analyzers/sigterm"
	"github.com/sigtermlint/sigtermlint/internal/config"
)

// The documented categories (README, rule-decisions.md).
var (
	sigtermCategories  = []string{"no-sigterm", "sigint-only", "no-shutdown", "stop-signal", "signal-not-delivered"}
	shutdownCategories = []string{"exit-before-drain", "cancelled-context", "unbounded-shutdown", "shutdown-timeout"}
	// drainCategories are reported at a Shutdown call only.
	drainCategories = []string{"cancelled-context", "unbounded-shutdown", "shutdown-timeout"}
)

const badDirective = "bad-directive"

// env is what every run shares: one FileSet and one importer, so that
// the standard library is read once per process.
type env struct {
	mu        sync.Mutex
	fset      *token.FileSet
	std       types.Importer
	sizes     types.Sizes
	analyzers []*analysis.Analyzer
}

var (
	envOnce sync.Once
	theEnv  *env
)

func getEnv() *env {
	envOnce.Do(func() {
		fset := token.NewFileSet()
		cfg := config.New()
		// Manifests are off: the generated files live nowhere on disk.
		if err := cfg.Flags.Set(config.FlagManifests, "off"); err != nil {
			panic(err)
		}
		theEnv = &env{
			fset:      fset,
			std:       importer.ForCompiler(fset, "gc", nil),
			sizes:     types.SizesFor("gc", "amd64"),
			analyzers: []*analysis.Analyzer{sigterm.NewWith(cfg), shutdown.NewWith(cfg)},
		}
	})
	return theEnv
}

// loaded is a type-checked generated package.
type loaded struct {
	pkg   *packages.Package
	files map[*token.File]string // the files and their text
}

// srcFile is a file to load.
type srcFile struct{ name, src string }

func (e *env) load(path string, srcs []srcFile, imports map[string]*packages.Package) (*loaded, error) {
	var files []*ast.File
	var names []string
	l := &loaded{files: map[*token.File]string{}}
	for _, sf := range srcs {
		f, err := parser.ParseFile(e.fset, sf.name, sf.src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
		names = append(names, sf.name)
		l.files[e.fset.File(f.Pos())] = sf.src
	}
	info := &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Instances:    map[*ast.Ident]types.Instance{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		Scopes:       map[ast.Node]*types.Scope{},
		FileVersions: map[*ast.File]string{},
	}
	conf := types.Config{
		GoVersion: "go1.26",
		Sizes:     e.sizes,
		Importer: importerFunc(func(p string) (*types.Package, error) {
			if dep := imports[p]; dep != nil {
				return dep.Types, nil
			}
			return e.std.Import(p)
		}),
	}
	tpkg, err := conf.Check(path, e.fset, files, info)
	if err != nil {
		return nil, err
	}
	pkg := &packages.Package{
		ID:              path,
		Name:            tpkg.Name(),
		PkgPath:         path,
		GoFiles:         names,
		CompiledGoFiles: names,
		Fset:            e.fset,
		Syntax:          files,
		Types:           tpkg,
		TypesInfo:       info,
		TypesSizes:      e.sizes,
		Imports:         map[string]*packages.Package{},
	}
	for p, dep := range imports {
		for _, imp := range tpkg.Imports() {
			if imp.Path() == p {
				pkg.Imports[p] = dep
			}
		}
	}
	l.pkg = pkg
	return l, nil
}

// sources are the files of the program's packages.
func sources(prog *Program) (main, lib []srcFile) {
	main = []srcFile{{"main.go", prog.Main}}
	if prog.Main2 != "" {
		main = append(main, srcFile{"more.go", prog.Main2})
	}
	if prog.Lib != "" {
		lib = []srcFile{{"lib.go", prog.Lib}}
	}
	return main, lib
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// check generates the program of data, runs the analyzers on it and
// checks the invariants. It returns the diagnostics, by package, as
// "category: line: message" strings.
func check(t testing.TB, data []byte) map[string][]string {
	e := getEnv()
	prog := Generate(data)
	// The importer and the FileSet are shared: one program at a time.
	e.mu.Lock()
	defer e.mu.Unlock()

	source := func() string {
		return prog.Main + "\n-- more.go --\n" + prog.Main2 + "\n-- lib.go --\n" + prog.Lib
	}
	mainSrcs, libSrcs := sources(prog)
	imports := map[string]*packages.Package{}
	var roots []*loaded
	if libSrcs != nil {
		lib, err := e.load(LibPath, libSrcs, nil)
		if err != nil {
			t.Fatalf("generated lib does not type-check: %v\n%s", err, source())
		}
		imports[LibPath] = lib.pkg
		roots = append(roots, lib)
	}
	main, err := e.load(MainPath, mainSrcs, imports)
	if err != nil {
		t.Fatalf("generated program does not type-check: %v\n%s", err, source())
	}
	roots = append([]*loaded{main}, roots...)

	var pkgs []*packages.Package
	for _, r := range roots {
		pkgs = append(pkgs, r.pkg)
	}
	graph, err := checker.Analyze(e.analyzers, pkgs, &checker.Options{Sequential: true, SanityCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	// What each package of the program gets, by category and message,
	// for the fixes' second run.
	before := map[string][]string{}
	for act := range graph.All() {
		if act.IsRoot && act.Err == nil {
			for _, d := range act.Diagnostics {
				before[act.Package.PkgPath] = append(before[act.Package.PkgPath], d.Category+": "+d.Message)
			}
		}
	}
	for act := range graph.All() {
		if act.Err != nil {
			t.Errorf("%s on %s: %v\n%s", act.Analyzer.Name, act.Package.PkgPath, act.Err, source())
			continue
		}
		if !act.IsRoot {
			continue
		}
		var pkg *loaded
		for _, r := range roots {
			if r.pkg == act.Package {
				pkg = r
			}
		}
		cats := sigtermCategories
		if act.Analyzer.Name == "shutdown" {
			cats = shutdownCategories
		}
		for _, d := range act.Diagnostics {
			msg := fmt.Sprintf("%s %q at %s", d.Category, d.Message, e.fset.Position(d.Pos))
			p := e.fset.Position(d.Pos)
			out[act.Package.PkgPath] = append(out[act.Package.PkgPath], fmt.Sprintf("%s: %s:%d: %s", d.Category, p.Filename, p.Line, d.Message))
			if !slices.Contains(cats, d.Category) && d.Category != badDirective {
				t.Errorf("%s: undocumented category: %s\n%s", act.Analyzer.Name, msg, source())
			}
			if inFile(e.fset, pkg, d.Pos) != nil {
				t.Errorf("%s: position not in the package: %s\n%s", act.Analyzer.Name, msg, source())
			}
			if d.End.IsValid() && (inFile(e.fset, pkg, d.End) != nil || e.fset.File(d.End) != e.fset.File(d.Pos) || d.End < d.Pos) {
				t.Errorf("%s: end %s not in the file of the position, after it: %s\n%s", act.Analyzer.Name, e.fset.Position(d.End), msg, source())
			}
			for _, rel := range d.Related {
				if inFile(e.fset, pkg, rel.Pos) != nil {
					t.Errorf("%s: related position %s not in the package: %s\n%s", act.Analyzer.Name, e.fset.Position(rel.Pos), msg, source())
				}
			}
			if !prog.Serves && slices.Contains(sigtermCategories, d.Category) {
				t.Errorf("%s: a program with no serve call gets %s\n%s", act.Analyzer.Name, msg, source())
			}
			if !prog.Shutdowns && slices.Contains(drainCategories, d.Category) {
				t.Errorf("%s: a program with no Shutdown call gets %s\n%s", act.Analyzer.Name, msg, source())
			}
			// exit-before-drain is reported where the process exits, a
			// log.Fatal in a library included.
			if act.Package.Name != "main" && d.Category != badDirective && d.Category != "exit-before-drain" {
				t.Errorf("%s: a finding in a library: %s\n%s", act.Analyzer.Name, msg, source())
			}
			for _, fix := range d.SuggestedFixes {
				checkFix(t, e, pkg, fix, prog, msg, before[MainPath], d.Category+": "+d.Message)
			}
		}
	}
	for _, l := range out {
		sort.Strings(l)
	}
	return out
}

// inFile says why pos is not a position in one of the package's files,
// or nil.
func inFile(fset *token.FileSet, pkg *loaded, pos token.Pos) error {
	if !pos.IsValid() {
		return fmt.Errorf("no position")
	}
	if _, ok := pkg.files[fset.File(pos)]; !ok {
		return fmt.Errorf("in another file")
	}
	return nil
}

// checkFix applies a suggested fix to package main's files: the result
// must still type-check.
//
// Then it converges: analyzed again, the fixed program gets what it got
// before less the fixed finding, and nothing new.
func checkFix(t testing.TB, e *env, pkg *loaded, fix analysis.SuggestedFix, prog *Program, msg string, before []string, fixedKey string) {
	if pkg.pkg.PkgPath != MainPath {
		t.Errorf("fix %q of %s in a library", fix.Message, msg)
		return
	}
	byFile := map[*token.File][]analysis.TextEdit{}
	for _, ed := range fix.TextEdits {
		if inFile(e.fset, pkg, ed.Pos) != nil {
			t.Errorf("fix %q of %s edits outside the package", fix.Message, msg)
			return
		}
		f := e.fset.File(ed.Pos)
		byFile[f] = append(byFile[f], ed)
	}
	var fixed []srcFile
	for f, src := range pkg.files {
		edits := byFile[f]
		slices.SortStableFunc(edits, func(a, b analysis.TextEdit) int { return int(a.Pos - b.Pos) })
		var b strings.Builder
		last := 0
		for _, ed := range edits {
			start, end := f.Offset(ed.Pos), f.Offset(ed.Pos)
			if ed.End.IsValid() {
				end = f.Offset(ed.End)
			}
			if start < last {
				t.Errorf("fix %q of %s: overlapping edits", fix.Message, msg)
				return
			}
			b.WriteString(src[last:start])
			b.Write(ed.NewText)
			last = end
		}
		b.WriteString(src[last:])
		fixed = append(fixed, srcFile{f.Name(), b.String()})
	}
	slices.SortFunc(fixed, func(a, b srcFile) int { return strings.Compare(a.name, b.name) })
	imports := map[string]*packages.Package{}
	if _, libSrcs := sources(prog); libSrcs != nil {
		lib, err := e.load(LibPath, libSrcs, nil)
		if err != nil {
			t.Fatal(err)
		}
		imports[LibPath] = lib.pkg
	}
	main, err := e.load(MainPath, fixed, imports)
	if err != nil {
		t.Errorf("after fix %q of %s, the program does not type-check: %v\n%q", fix.Message, msg, err, fixed)
		return
	}
	pkgs := []*packages.Package{main.pkg}
	if lib := imports[LibPath]; lib != nil {
		pkgs = append(pkgs, lib)
	}
	graph, err := checker.Analyze(e.analyzers, pkgs, &checker.Options{Sequential: true})
	if err != nil {
		t.Fatal(err)
	}
	// By category: one fewer of the fixed one, and no category the
	// program did not have, except the one the fixed finding masked at
	// its site, next in its analyzer's order (a server that handles
	// SIGTERM once fixed may still never shut down; a Shutdown whose
	// context is detached may still outlast the stop timeout; a drain
	// nobody waited for counts once the program waits for it).
	fixedCat, _, _ := strings.Cut(fixedKey, ": ")
	had := map[string]int{}
	for _, k := range before {
		cat, _, _ := strings.Cut(k, ": ")
		had[cat]++
	}
	got := map[string]int{}
	for act := range graph.All() {
		if !act.IsRoot || act.Package != main.pkg {
			continue
		}
		if act.Err != nil {
			t.Errorf("after fix %q of %s, %s fails: %v", fix.Message, msg, act.Analyzer.Name, act.Err)
			continue
		}
		for _, d := range act.Diagnostics {
			got[d.Category]++
		}
	}
	for cat, n := range got {
		masked := (cat == "no-shutdown" && (fixedCat == "no-sigterm" || fixedCat == "sigint-only")) ||
			((cat == "unbounded-shutdown" || cat == "shutdown-timeout") && (fixedCat == "cancelled-context" || fixedCat == "exit-before-drain"))
		switch {
		case cat == fixedCat && n >= had[cat]:
			t.Errorf("after fix %q of %s, the program still gets %d %s (%d before)\n%q", fix.Message, msg, n, cat, had[cat], fixed)
		case cat != fixedCat && n > had[cat] && !masked:
			t.Errorf("after fix %q of %s, the program gets %d %s (%d before)\n%q", fix.Message, msg, n, cat, had[cat], fixed)
		}
	}
}

// seeds reproduce the shapes of the analysistest cases in
// testdata/src/sigterm and testdata/src/shutdown.
func seeds() map[string][]byte {
	s := func(k, v int) Step { return Step{Kind: k, Variant: v} }
	wrap := func(st Step, w int) Step { st.Wrap = w; return st }
	param := func(st Step, p int) Step { st.Param = p; return st }
	term, intr := 1<<0, 1<<1 // signal list bits: syscall.SIGTERM, os.Interrupt
	kill := 1 << 2           // os.Kill
	notify := func(bits int) Step { return param(s(KindSignal, SignalNotify), bits) }
	notifyCtx := func(bits int) Step { return param(s(KindSignal, SignalNotifyContext), bits|0x80) } // with defer stop()
	goServe := wrap(s(KindServe, ServeMethod), WrapGo)
	shutdownBg := s(KindShutdown, ShutdownBackground)
	timeout := func(secs int) Step {
		return param(s(KindShutdown, ShutdownTimeout), slices.Index(timeouts, secs))
	}
	waitC, waitCtx := s(KindWait, WaitChan), s(KindWait, WaitCtx)
	var o Options
	lib := Options{Lib: true}
	globals := Options{Globals: true}
	return map[string][]byte{
		// no-sigterm/server: a blocking serve, nothing else.
		"nosigterm-server": Encode(o, s(KindServe, ServeMethod)),
		// no-sigterm/pkglevel.
		"nosigterm-pkglevel": Encode(o, s(KindServe, ServePkgLevel)),
		// no-sigterm/methodvalue: runAll(srv.ListenAndServe).
		"nosigterm-methodvalue": Encode(o, s(KindServe, ServeRunAll), s(KindWait, WaitForever)),
		// no-sigterm/servefirst: Serve(lis) before NotifyContext.
		"nosigterm-servefirst": Encode(o, s(KindServe, ServeListener), notifyCtx(term), waitCtx, shutdownBg),
		// no-sigterm/helper: served through a helper.
		"nosigterm-helper": Encode(o, s(KindServe, ServeHelper)),
		// sigint-only/interrupt and list.
		"sigintonly-interrupt": Encode(o, goServe, notify(intr), waitC, shutdownBg),
		"sigintonly-list":      Encode(o, wrap(s(KindServe, ServeMethod), WrapGoFunc), param(s(KindSignal, SignalPkgList), intr), waitC, shutdownBg),
		// no-shutdown/close, exit, pkglevel.
		"noshutdown-close":    Encode(o, notifyCtx(term), goServe, waitCtx, s(KindShutdown, ShutdownClose)),
		"noshutdown-exit":     Encode(o, notify(term|1<<3), Step{Kind: KindExit, Variant: ExitZero, Wrap: WrapGoFunc}, s(KindServe, ServeMethod)),
		"noshutdown-pkglevel": Encode(o, notify(term), wrap(s(KindServe, ServePkgLevel), WrapGo), waitC),
		// sigterm/clean/allsignals, syscallterm, varlist.
		"clean-allsignals": Encode(o, goServe, notify(0), waitC, shutdownBg),
		"clean-syscallterm": Encode(o, goServe, notify(term|intr), waitC,
			timeout(10)),
		"clean-varlist": Encode(o, goServe, param(s(KindSignal, SignalLocalList), term), waitC, shutdownBg),
		// no-sigterm/oskill/only and interrupt: os.Kill handles nothing.
		"oskill-only":      Encode(o, goServe, notify(kill), waitC, shutdownBg),
		"oskill-interrupt": Encode(o, goServe, notify(kill|intr), waitC, shutdownBg),
		// no-sigterm/oskill/param: the list passed to a helper.
		"oskill-param": Encode(lib, goServe, param(s(KindSignal, SignalHelper), kill|intr), waitC, shutdownBg),
		// sigterm/regress/generic: Shutdown through a type parameter.
		"regress-generic": Encode(o, notifyCtx(term), goServe, waitCtx, s(KindShutdown, ShutdownGeneric)),
		// sigterm/regress/funcvar and asyncstart: a closure variable.
		"regress-funcvar": Encode(o, Step{Kind: KindServe, Variant: ServeMethod, Wrap: WrapClosureVar, Param: 1}, notify(term), waitC, shutdownBg),
		// cancelled-context/direct, derived, stopcalled, selectcase.
		"cancelled-direct":     Encode(o, notifyCtx(term), goServe, waitCtx, s(KindShutdown, ShutdownSignalCtx)),
		"cancelled-derived":    Encode(o, notifyCtx(term), goServe, waitCtx, param(s(KindShutdown, ShutdownDerived), 0)),
		"cancelled-stopcalled": Encode(o, param(s(KindSignal, SignalNotifyContext), term), goServe, s(KindWait, WaitSleep), s(KindShutdown, ShutdownAfterStop)),
		"cancelled-clean":      Encode(o, notifyCtx(term), goServe, waitCtx, param(s(KindShutdown, ShutdownWithoutCancel), 0)),
		// exit-before-drain/exit/fatal, iferr, clean: log.Fatal(ListenAndServe()).
		"exit-fatal": Encode(o, notifyCtx(term), Step{Kind: KindShutdown, Variant: ShutdownTimeout, Wrap: WrapSelect, Wrap2: WrapGoFunc}, s(KindExit, ExitFatalServe)),
		"exit-iferr": Encode(o, notifyCtx(term), Step{Kind: KindShutdown, Variant: ShutdownTimeout, Wrap: WrapGoFunc}, s(KindExit, ExitIfErrServe)),
		"exit-clean": Encode(o, notifyCtx(term), Step{Kind: KindShutdown, Variant: ShutdownTimeout, Wrap: WrapHelper, Param: 1}, s(KindServe, ServeErrorsIs)),
		// shutdown-timeout/timeout/budget: a sleep and a 45s deadline.
		"timeout-budget": Encode(o, goServe, notify(term), waitC, param(s(KindShutdown, ShutdownSleepFirst), slices.Index(timeouts, 20)+16*slices.Index(timeouts, 15))),
		"timeout-45s":    Encode(o, goServe, notify(term), waitC, timeout(45)),
		// unbounded-shutdown/context: context.Background().
		"unbounded": Encode(globals, goServe, notify(term), waitC, shutdownBg),
		// shutdown/helper: the stop in a library.
		"helper-lib": Encode(lib, notify(term), s(KindServe, ServeGeneric), waitC, s(KindShutdown, ShutdownHelper)),
		// shutdown/directive and baddirective.
		"directive":     Encode(Options{Directive: DirTimeout}, goServe, notify(term), waitC, timeout(30)),
		"baddirective":  Encode(Options{Directive: DirMalformed}, goServe, notify(term), waitC, timeout(10)),
		"dupdirective":  Encode(Options{Directive: DirDuplicate}, goServe, notify(term), waitC, timeout(15)),
		"ignore":        Encode(Options{Directive: DirIgnore}, s(KindServe, ServeMethod)),
		"ignore-stale":  Encode(Options{Directive: DirIgnore}, goServe, notify(term), waitC, timeout(10)),
		"ignore-broken": Encode(Options{Directive: DirIgnoreBad, DirStep: 1}, goServe, notify(term), waitC, shutdownBg),
		// No serve call at all.
		"noserve": Encode(o, notify(term), waitC, shutdownBg, s(KindExit, ExitZero)),
	}
}

func FuzzAnalyzers(f *testing.F) {
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range seeds() {
			if !yield(n) {
				return
			}
		}
	})
	all := seeds()
	for _, n := range names {
		f.Add(all[n])
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		first := check(t, data)
		// Determinism: a second load and run (other map orders) reports
		// the same.
		if again := check(t, data); !maps.EqualFunc(first, again, slices.Equal) {
			t.Errorf("two runs differ:\n%q\n%q\n%s", first, again, Generate(data).Main)
		}
	})
}

// TestSeeds checks that the seeds give the findings of the testdata cases
// they copy: the generator builds what it says.
func TestSeeds(t *testing.T) {
	all := seeds()
	want := map[string][]string{
		"nosigterm-server":      {"no-sigterm"},
		"nosigterm-pkglevel":    {"no-sigterm"},
		"nosigterm-methodvalue": {"no-sigterm"},
		"nosigterm-servefirst":  {"no-sigterm", "unbounded-shutdown"},
		"nosigterm-helper":      {"no-sigterm"},
		"sigintonly-interrupt":  {"sigint-only", "unbounded-shutdown"},
		"sigintonly-list":       {"sigint-only", "unbounded-shutdown"},
		"noshutdown-close":      {"no-shutdown"},
		"noshutdown-exit":       {"no-shutdown"},
		"noshutdown-pkglevel":   {"no-shutdown"},
		"clean-allsignals":      {"unbounded-shutdown"},
		"clean-syscallterm":     nil,
		"clean-varlist":         {"unbounded-shutdown"},
		"oskill-only":           {"no-sigterm", "unbounded-shutdown"},
		"oskill-interrupt":      {"sigint-only", "unbounded-shutdown"},
		"oskill-param":          {"sigint-only", "unbounded-shutdown"},
		// The deadline comes through the helper's parameter: unknown.
		"regress-generic":      nil,
		"regress-funcvar":      {"unbounded-shutdown"},
		"cancelled-direct":     {"cancelled-context"},
		"cancelled-derived":    {"cancelled-context"},
		"cancelled-stopcalled": {"cancelled-context"},
		"cancelled-clean":      nil,
		"exit-fatal":           {"exit-before-drain"},
		"exit-iferr":           {"exit-before-drain"},
		// The generated helper drains at once, with no wait for the
		// signal: ListenAndServe returns http.ErrServerClosed, the
		// errors.Is check lets main fall off its end, and the process
		// exits while the 5s drain runs (the stop model's verdict).
		"exit-clean":     {"exit-before-drain"},
		"timeout-budget": {"shutdown-timeout"},
		"timeout-45s":    {"shutdown-timeout"},
		"unbounded":      {"unbounded-shutdown"},
		"helper-lib":     nil,
		"directive":      {"shutdown-timeout"},
		"baddirective":   {"bad-directive"},
		"dupdirective":   {"bad-directive", "shutdown-timeout"},
		// The ignore covers no-sigterm; its unbounded-shutdown is stale.
		"ignore":        {"bad-directive"},
		"ignore-stale":  {"bad-directive", "bad-directive"},
		"ignore-broken": {"bad-directive", "unbounded-shutdown"},
		"noserve":       {"unbounded-shutdown"},
	}
	for name, data := range all {
		t.Run(name, func(t *testing.T) {
			got := check(t, data)
			var cats []string
			for _, l := range got[MainPath] {
				cat, _, _ := strings.Cut(l, ":")
				cats = append(cats, cat)
			}
			slices.Sort(cats)
			if w, ok := want[name]; !ok || !slices.Equal(cats, w) {
				t.Errorf("want categories %q, got:\n%s\n%s", w, strings.Join(got[MainPath], "\n"), Generate(data).Main)
			}
			if len(got[LibPath]) > 0 {
				t.Errorf("findings in lib: %q", got[LibPath])
			}
		})
	}
	for name := range want {
		if all[name] == nil {
			t.Errorf("no seed %s", name)
		}
	}
}

// TestRandomPrograms runs the invariants on random inputs, a quick
// stand-in for the fuzzer in every go test run.
func TestRandomPrograms(t *testing.T) {
	n := 300
	if testing.Short() {
		n = 50
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range n {
		data := make([]byte, headerBytes+bytesPerStep*(1+r.IntN(MaxSteps)))
		for j := range data {
			data[j] = byte(r.UintN(256))
		}
		t.Run(fmt.Sprint(i), func(t *testing.T) { check(t, data) })
	}
}
