// Package fuzzprog generates small, type-correct Go programs that start
// net/http servers, handle signals and shut down, for the analyzers' fuzz
// test (fuzz_test.go). Every byte of the input is a choice: which fragment
// comes next (a serve call, signal handling, a wait, a Shutdown, an exit,
// a shadowing block), which variant of it, and what it is wrapped in (a
// goroutine, a closure, a defer, a branch, a loop, a named helper), so
// that the fuzzer explores orders, nesting and missing pieces. Any input
// gives a program; missing bytes read as zero.
//
// It is used by tests only.
package fuzzprog

import (
	"fmt"
	"go/format"
	"regexp"
	"slices"
	"strings"
)

// Import paths of the generated packages. The program's binary would be
// called "app".
const (
	MainPath = "example.com/fuzz/app"
	LibPath  = "example.com/fuzz/lib"
)

// Program is a generated program: package main, and the library package
// its helpers live in when Options.Lib is set.
type Program struct {
	Main  string // main.go, package main
	Main2 string // more.go, package main; "" when there is none
	Lib   string // lib.go, package lib; "" when there is none
	// Serves says whether the program contains a call that starts a
	// server; Shutdowns whether it contains a graceful Shutdown call.
	Serves, Shutdowns bool
}

// Options are the program-wide choices: the first bytes of the input.
type Options struct {
	Globals   bool // the shared variables (srv, sigc, ctx, stop, lis) are package-level
	Split     bool // package-level declarations and step helpers go to a second file of package main
	Lib       bool // the named helpers live in package lib
	Directive int  // a //sigtermlint: directive, see the directive constants
	DirStep   int  // the step an ignore directive goes before
}

// Directives.
const (
	DirNone          = iota
	DirTimeout       // //sigtermlint:stop-timeout 10s
	DirMalformed     // //sigtermlint:stop-timeout soon
	DirDuplicate     // 10s, then 20s
	DirZero          // //sigtermlint:stop-timeout 0s
	DirIgnore        // //sigtermlint:ignore no-sigterm,unbounded-shutdown reason, before a step
	DirIgnoreBad     // //sigtermlint:ignore with nothing after it, before a step
	DirDuplicateSame // 10s twice
	numDirectives
)

// Step is one fragment of main.
type Step struct {
	Kind, Variant int
	Wrap, Wrap2   int // Wrap2 applies around Wrap
	Param         int // signal list bits, timeout choice, call style
}

// Kinds of fragments.
const (
	KindServe = iota
	KindSignal
	KindWait
	KindShutdown
	KindExit
	KindMisc
	numKinds
)

// Variants of KindServe.
const (
	ServeMethod      = iota // srv.ListenAndServe()
	ServePkgLevel           // http.ListenAndServe(":8080", nil)
	ServeListener           // srv.Serve(lis)
	ServeFatal              // log.Fatal(srv.ListenAndServe())
	ServeErrorsIs           // if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) { log.Fatal(err) }
	ServeNotClosed          // if err := srv.ListenAndServe(); err != http.ErrServerClosed { log.Print(err) }
	ServeMethodValue        // serve := srv.ListenAndServe; serve()
	ServeRunAll             // runAll(srv.ListenAndServe)
	ServeHelper             // serveHTTP(srv)
	ServeGeneric            // serveG(srv)
	ServeIface              // serveIface(srv)
	ServePkgListener        // http.Serve(lis, nil)
	ServeErrChan            // errc <- srv.ListenAndServe() in a goroutine, select on it and sigc
	ServeTLS                // srv.ListenAndServeTLS("cert.pem", "key.pem")
	ServeSideServer         // a second server, never stopped
	numServe
)

// Variants of KindSignal.
const (
	SignalNotify           = iota // signal.Notify(sigc, LIST)
	SignalNotifyContext           // ctx, stop := signal.NotifyContext(context.Background(), LIST)
	SignalLocalList               // sigs := []os.Signal{LIST}; signal.Notify(sigc, sigs...)
	SignalPkgList                 // var sigList = []os.Signal{LIST}; signal.Notify(sigc, sigList...)
	SignalHelper                  // notifyOn(sigc, LIST)
	SignalIgnore                  // signal.Ignore(LIST)
	SignalNotifyContextCtx        // ctx, stop = signal.NotifyContext(ctx, LIST)
	SignalMethodValue             // notify := signal.Notify; notify(sigc, LIST)
	SignalStop                    // signal.Notify(sigc, LIST); signal.Stop(sigc)
	numSignal
)

// Variants of KindWait.
const (
	WaitChan    = iota // <-sigc
	WaitCtx            // <-ctx.Done()
	WaitForever        // select {}
	WaitSleep          // time.Sleep(time.Second)
	WaitSelect         // select { case <-sigc: case <-ctx.Done(): }
	WaitRecvVar        // s := <-sigc; log.Print(s)
	WaitRange          // for range sigc { break }
	numWait
)

// Variants of KindShutdown.
const (
	ShutdownBackground    = iota // srv.Shutdown(context.Background())
	ShutdownTimeout              // WithTimeout(context.Background(), N s)
	ShutdownSignalCtx            // srv.Shutdown(ctx)
	ShutdownDerived              // WithTimeout(ctx, N s)
	ShutdownClose                // srv.Close()
	ShutdownMethodValue          // shut := srv.Shutdown; shut(context.Background())
	ShutdownGeneric              // shutdownG(srv, context.Background())
	ShutdownHelper               // stopServer(srv)
	ShutdownWithoutCancel        // WithTimeout(context.WithoutCancel(ctx), N s)
	ShutdownDeadline             // WithDeadline(context.Background(), time.Now().Add(N s))
	ShutdownSleepFirst           // time.Sleep(N s); then a timeout Shutdown
	ShutdownAfterStop            // stop(); srv.Shutdown(ctx)
	ShutdownIface                // shutdownIface(srv)
	ShutdownCheckErr             // if err := srv.Shutdown(sctx); err != nil { log.Print(err) }
	ShutdownCancelled            // WithCancel, cancel(), Shutdown
	numShutdown
)

// Variants of KindExit.
const (
	ExitZero       = iota // os.Exit(0)
	ExitOne               // os.Exit(1)
	ExitFatal             // log.Fatal("exit")
	ExitReturn            // return
	ExitPanic             // panic("exit")
	ExitFatalServe        // log.Fatal(srv.ListenAndServe())
	ExitIfErrServe        // if err := srv.ListenAndServe(); err != nil { log.Fatal(err) }
	numExit
)

// Variants of KindMisc.
const (
	MiscShadowServer = iota // { srv := &http.Server{}; go srv.ListenAndServe(); srv.Shutdown(...) }
	MiscShadowCtx           // { ctx := context.Background(); srv.Shutdown(ctx) }
	MiscShadowSigc          // { sigc := make(chan os.Signal, 1); signal.Notify(sigc, syscall.SIGTERM) }
	MiscStop                // stop()
	MiscSleep               // time.Sleep(N s)
	MiscReassign            // srv = &http.Server{Addr: ":8081"}
	MiscSend                // sigc <- syscall.SIGTERM
	MiscReset               // signal.Reset()
	numMisc
)

// Wrappers.
const (
	WrapNone       = iota
	WrapGo         // go CALL, or go func() { ... }()
	WrapGoFunc     // go func() { ... }()
	WrapFunc       // func() { ... }()
	WrapDefer      // defer CALL, or defer func() { ... }()
	WrapIf         // if len(os.Args) > 0 { ... }
	WrapFor        // for i := 0; i < 1; i++ { ... }
	WrapClosureVar // f := func() { ... }; f() (go f() when Param is odd)
	WrapHelper     // func stepN(...) { ... } called from main
	WrapSelect     // select { case <-sigc: ... }
	WrapSwitch     // switch { case len(os.Args) > 1: ... default: }
	WrapBlock      // { ... }
	WrapRecursive  // func stepN(n int, ...) { if n > 0 { stepN(n-1, ...); return }; ... }
	WrapInit       // func init() { ... } (shared variables must be package-level)
	WrapPkgVar     // var _ = func() (_ struct{}) { ...; return }()
	WrapField      // h := holderN{run: func() { ... }}; h.run()
	WrapIface      // a method of a type called through an interface
	WrapLabeled    // LN: for { ...; break LN }
	numWraps
)

// timeouts are the Shutdown deadlines and sleeps, in seconds.
var timeouts = []int{10, 5, 30, 1, 25, 29, 31, 45, 60, 120, 20, 15}

// signals are the signal list's candidates, chosen by bits of Param.
var signals = []string{"syscall.SIGTERM", "os.Interrupt", "os.Kill", "syscall.SIGINT", "syscall.SIGKILL", "syscall.SIGHUP", "syscall.SIGQUIT"}

// bytesPerStep is how many input bytes a Step takes.
const bytesPerStep = 6

// headerBytes is how many input bytes the Options and step count take.
const headerBytes = 5

// MaxSteps bounds the number of steps.
const MaxSteps = 10

// Decode reads the options and steps from the fuzz input.
func Decode(data []byte) (Options, []Step) {
	r := &reader{b: data}
	var o Options
	b := r.n(4)
	o.Globals, o.Split = b&1 != 0, b&2 != 0
	o.Lib = r.n(2) == 1
	o.Directive = r.n(numDirectives)
	o.DirStep = r.n(MaxSteps)
	n := 1 + r.n(MaxSteps)
	if rest := (len(data) - headerBytes + bytesPerStep - 1) / bytesPerStep; len(data) > headerBytes && rest < n {
		n = rest // the input ran out: fewer steps, not zero-filled ones
	}
	steps := make([]Step, n)
	for i := range steps {
		steps[i] = Step{Kind: r.n(numKinds), Variant: r.n(256), Wrap: r.n(numWraps), Wrap2: r.n(numWraps), Param: r.n(256)}
		r.n(256) // reserved
	}
	return o, steps
}

// Encode is Decode's inverse, for seeds.
func Encode(o Options, steps ...Step) []byte {
	b := []byte{bit(o.Globals) | bit(o.Split)<<1, bit(o.Lib), byte(o.Directive), byte(o.DirStep), byte(len(steps) - 1)}
	for _, s := range steps {
		b = append(b, byte(s.Kind), byte(s.Variant), byte(s.Wrap), byte(s.Wrap2), byte(s.Param), 0)
	}
	return b
}

func bit(b bool) byte {
	if b {
		return 1
	}
	return 0
}

type reader struct {
	b []byte
	i int
}

// n returns the next choice in [0, k).
func (r *reader) n(k int) int {
	if r.i >= len(r.b) {
		return 0
	}
	v := int(r.b[r.i])
	r.i++
	return v % k
}

// Generate builds the program the input describes.
func Generate(data []byte) *Program {
	o, steps := Decode(data)
	return Build(o, steps)
}

// shared are the variables fragments share, with their types and the
// declaration that gives them their natural value.
var shared = []struct{ name, typ, init string }{
	{"srv", "*http.Server", `&http.Server{Addr: ":8080"}`},
	{"sigc", "chan os.Signal", "make(chan os.Signal, 1)"},
	{"ctx", "context.Context", "context.Background()"},
	{"stop", "func()", "func() {}"},
	{"lis", "net.Listener", ""}, // declared by a net.Listen line
}

const listenLine = `net.Listen("tcp", ":8080")`

// frag is a generated fragment before wrapping.
type frag struct {
	stmts   []string // statements
	call    string   // the single call expression the fragment is, or ""
	touches []string // shared variables read or written
	assigns []string // shared variables assigned (not declared) by stmts
	// defines: the fragment may declare these shared variables itself
	// with := when it is not wrapped (NotifyContext).
	defines []string
	define  func(decl bool) []string // stmts with := (decl) or =
}

type gen struct {
	o        Options
	uniq     int
	declared map[string]bool // shared variables declared in main's scope (or globally)
	helpers  map[string]bool // named helpers used
	pkgDecls []string        // package-level declarations of main
	funcs    []string        // step helpers of main
	body     []string
	serves   bool
	comment  string // a directive to put right before the next step's own statements
}

// Build builds the program of o and steps.
func Build(o Options, steps []Step) *Program {
	g := &gen{o: o, declared: map[string]bool{}, helpers: map[string]bool{}}
	if o.Globals {
		var b strings.Builder
		b.WriteString("var (\n")
		for _, v := range shared {
			switch v.name {
			case "lis":
				b.WriteString("\tlis net.Listener\n")
			case "stop":
				b.WriteString("\tstop context.CancelFunc = func() {}\n")
			default:
				fmt.Fprintf(&b, "\t%s = %s\n", v.name, v.init)
			}
			g.declared[v.name] = true
		}
		b.WriteString(")")
		g.pkgDecls = append(g.pkgDecls, b.String())
	}
	for i, s := range steps {
		if i == o.DirStep%len(steps) {
			switch o.Directive {
			case DirIgnore:
				g.comment = "//sigtermlint:ignore no-sigterm,unbounded-shutdown generated by the fuzzer"
			case DirIgnoreBad:
				g.comment = "//sigtermlint:ignore"
			}
		}
		g.step(s)
	}
	p := &Program{Serves: g.serves}
	p.Main = g.mainFile()
	if o.Split {
		p.Main2 = g.main2File()
	}
	if o.Lib {
		p.Lib = g.libFile()
	}
	p.Shutdowns = strings.Contains(p.Main+p.Main2+p.Lib, "Shutdown")
	return p
}

func (g *gen) name(prefix string) string {
	g.uniq++
	return fmt.Sprintf("%s%d", prefix, g.uniq)
}

// helper returns how main calls the named helper, and records its use.
func (g *gen) helper(name string) string {
	g.helpers[name] = true
	if g.o.Lib {
		return "lib." + strings.ToUpper(name[:1]) + name[1:]
	}
	return name
}

func signalList(param int) string {
	var l []string
	for i, s := range signals {
		if param&(1<<i) != 0 {
			l = append(l, s)
		}
	}
	return strings.Join(l, ", ")
}

func withList(prefix, list string) string {
	if list == "" {
		return prefix
	}
	return prefix + ", " + list
}

func timeout(param int) int { return timeouts[param%len(timeouts)] }

func (g *gen) fragment(s Step) frag {
	switch s.Kind {
	case KindServe:
		return g.serve(s)
	case KindSignal:
		return g.signal(s)
	case KindWait:
		return g.wait(s)
	case KindShutdown:
		return g.shutdown(s)
	case KindExit:
		return g.exit(s)
	default:
		return g.misc(s)
	}
}

func one(call string, touches ...string) frag {
	return frag{stmts: []string{call}, call: call, touches: touches}
}

func (g *gen) serve(s Step) frag {
	g.serves = true
	switch s.Variant % numServe {
	case ServePkgLevel:
		return one(`http.ListenAndServe(":8080", nil)`)
	case ServeListener:
		return one("srv.Serve(lis)", "srv", "lis")
	case ServeFatal:
		return one("log.Fatal(srv.ListenAndServe())", "srv")
	case ServeErrorsIs:
		return frag{stmts: []string{"if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {", "log.Fatal(err)", "}"}, touches: []string{"srv"}}
	case ServeNotClosed:
		return frag{stmts: []string{"if err := srv.ListenAndServe(); err != http.ErrServerClosed {", "log.Print(err)", "}"}, touches: []string{"srv"}}
	case ServeMethodValue:
		v := g.name("serve")
		return frag{stmts: []string{v + " := srv.ListenAndServe", v + "()"}, touches: []string{"srv"}}
	case ServeRunAll:
		return one(g.helper("runAll")+"(srv.ListenAndServe)", "srv")
	case ServeHelper:
		return one(g.helper("serveHTTP")+"(srv)", "srv")
	case ServeGeneric:
		return one(g.helper("serveG")+"(srv)", "srv")
	case ServeIface:
		return one(g.helper("serveIface")+"(srv)", "srv")
	case ServePkgListener:
		return one("http.Serve(lis, nil)", "lis")
	case ServeErrChan:
		errc := g.name("errc")
		return frag{stmts: []string{
			errc + " := make(chan error, 1)",
			"go func() { " + errc + " <- srv.ListenAndServe() }()",
			"select {",
			"case err := <-" + errc + ":",
			"log.Print(err)",
			"case <-sigc:",
			"}",
		}, touches: []string{"srv", "sigc"}}
	case ServeTLS:
		return one(`srv.ListenAndServeTLS("cert.pem", "key.pem")`, "srv")
	case ServeSideServer:
		v := g.name("side")
		return frag{stmts: []string{v + ` := &http.Server{Addr: ":9090"}`, v + ".ListenAndServe()"}}
	default:
		return one("srv.ListenAndServe()", "srv")
	}
}

func (g *gen) signal(s Step) frag {
	list := signalList(s.Param)
	switch s.Variant % numSignal {
	case SignalNotifyContext, SignalNotifyContextCtx:
		parent := "context.Background()"
		touches := []string{"ctx", "stop"}
		if s.Variant%numSignal == SignalNotifyContextCtx {
			parent = "ctx"
		}
		deferStop := s.Param&0x80 != 0
		mk := func(decl bool) []string {
			op := " = "
			if decl {
				op = " := "
			}
			out := []string{"ctx, stop" + op + withList("signal.NotifyContext("+parent, list) + ")"}
			if deferStop {
				out = append(out, "defer stop()")
			}
			return out
		}
		f := frag{stmts: mk(false), touches: touches, assigns: touches, define: mk}
		if parent == "context.Background()" {
			f.defines = touches
		}
		return f
	case SignalLocalList:
		v := g.name("sigs")
		return frag{stmts: []string{v + " := []os.Signal{" + list + "}", "signal.Notify(sigc, " + v + "...)"}, touches: []string{"sigc"}}
	case SignalPkgList:
		v := g.name("sigList")
		g.pkgDecls = append(g.pkgDecls, "var "+v+" = []os.Signal{"+list+"}")
		return one("signal.Notify(sigc, "+v+"...)", "sigc")
	case SignalHelper:
		return one(withList(g.helper("notifyOn")+"(sigc", list)+")", "sigc")
	case SignalIgnore:
		return one("signal.Ignore(" + list + ")")
	case SignalMethodValue:
		v := g.name("notify")
		return frag{stmts: []string{v + " := signal.Notify", withList(v+"(sigc", list) + ")"}, touches: []string{"sigc"}}
	case SignalStop:
		return frag{stmts: []string{withList("signal.Notify(sigc", list) + ")", "signal.Stop(sigc)"}, touches: []string{"sigc"}}
	default:
		return one(withList("signal.Notify(sigc", list)+")", "sigc")
	}
}

func (g *gen) wait(s Step) frag {
	switch s.Variant % numWait {
	case WaitCtx:
		return frag{stmts: []string{"<-ctx.Done()"}, touches: []string{"ctx"}}
	case WaitForever:
		return frag{stmts: []string{"select {}"}}
	case WaitSleep:
		return one("time.Sleep(time.Second)")
	case WaitSelect:
		return frag{stmts: []string{"select {", "case <-sigc:", "case <-ctx.Done():", "}"}, touches: []string{"sigc", "ctx"}}
	case WaitRecvVar:
		v := g.name("sig")
		return frag{stmts: []string{v + " := <-sigc", "log.Print(" + v + ")"}, touches: []string{"sigc"}}
	case WaitRange:
		return frag{stmts: []string{"for range sigc {", "break", "}"}, touches: []string{"sigc"}}
	default:
		return frag{stmts: []string{"<-sigc"}, touches: []string{"sigc"}}
	}
}

// withCtx is a Shutdown deadline context made by mk, given to call.
func (g *gen) withCtx(mk string, call func(c string) []string, touches ...string) frag {
	c, cancel := g.name("sctx"), g.name("cancel")
	stmts := append([]string{c + ", " + cancel + " := " + mk, "defer " + cancel + "()"}, call(c)...)
	return frag{stmts: stmts, touches: append([]string{"srv"}, touches...)}
}

func shutdownCall(c string) []string { return []string{"srv.Shutdown(" + c + ")"} }

func (g *gen) shutdown(s Step) frag {
	n := timeout(s.Param)
	switch s.Variant % numShutdown {
	case ShutdownTimeout:
		return g.withCtx(fmt.Sprintf("context.WithTimeout(context.Background(), %d*time.Second)", n), shutdownCall)
	case ShutdownSignalCtx:
		return one("srv.Shutdown(ctx)", "srv", "ctx")
	case ShutdownDerived:
		return g.withCtx(fmt.Sprintf("context.WithTimeout(ctx, %d*time.Second)", n), shutdownCall, "ctx")
	case ShutdownClose:
		return one("srv.Close()", "srv")
	case ShutdownMethodValue:
		v := g.name("shut")
		return frag{stmts: []string{v + " := srv.Shutdown", v + "(context.Background())"}, touches: []string{"srv"}}
	case ShutdownGeneric:
		return one(g.helper("shutdownG")+"(srv, context.Background())", "srv")
	case ShutdownHelper:
		return one(g.helper("stopServer")+"(srv)", "srv")
	case ShutdownWithoutCancel:
		return g.withCtx(fmt.Sprintf("context.WithTimeout(context.WithoutCancel(ctx), %d*time.Second)", n), shutdownCall, "ctx")
	case ShutdownDeadline:
		return g.withCtx(fmt.Sprintf("context.WithDeadline(context.Background(), time.Now().Add(%d*time.Second))", n), shutdownCall)
	case ShutdownSleepFirst:
		f := g.withCtx(fmt.Sprintf("context.WithTimeout(context.Background(), %d*time.Second)", timeout(s.Param/16)), shutdownCall)
		f.stmts = append([]string{fmt.Sprintf("time.Sleep(%d * time.Second)", n)}, f.stmts...)
		return f
	case ShutdownAfterStop:
		return frag{stmts: []string{"stop()", "srv.Shutdown(ctx)"}, touches: []string{"srv", "ctx", "stop"}}
	case ShutdownIface:
		return one(g.helper("shutdownIface")+"(srv)", "srv")
	case ShutdownCheckErr:
		return g.withCtx(fmt.Sprintf("context.WithTimeout(context.Background(), %d*time.Second)", n), func(c string) []string {
			return []string{"if err := srv.Shutdown(" + c + "); err != nil {", "log.Print(err)", "}"}
		})
	case ShutdownCancelled:
		c, cancel := g.name("cctx"), g.name("cancel")
		return frag{stmts: []string{c + ", " + cancel + " := context.WithCancel(context.Background())", cancel + "()", "srv.Shutdown(" + c + ")"}, touches: []string{"srv"}}
	default:
		return one("srv.Shutdown(context.Background())", "srv")
	}
}

func (g *gen) exit(s Step) frag {
	switch s.Variant % numExit {
	case ExitOne:
		return one("os.Exit(1)")
	case ExitFatal:
		return one(`log.Fatal("exit")`)
	case ExitReturn:
		return frag{stmts: []string{"return"}}
	case ExitPanic:
		return frag{stmts: []string{`panic("exit")`}}
	case ExitFatalServe:
		g.serves = true
		return one("log.Fatal(srv.ListenAndServe())", "srv")
	case ExitIfErrServe:
		g.serves = true
		return frag{stmts: []string{"if err := srv.ListenAndServe(); err != nil {", "log.Fatal(err)", "}"}, touches: []string{"srv"}}
	default:
		return one("os.Exit(0)")
	}
}

func (g *gen) misc(s Step) frag {
	switch s.Variant % numMisc {
	case MiscShadowCtx:
		return frag{stmts: []string{"{", "ctx := context.Background()", "srv.Shutdown(ctx)", "}"}, touches: []string{"srv"}}
	case MiscShadowSigc:
		return frag{stmts: []string{"{", "sigc := make(chan os.Signal, 1)", "signal.Notify(sigc, syscall.SIGTERM)", "<-sigc", "}"}}
	case MiscStop:
		return one("stop()", "stop")
	case MiscSleep:
		return one(fmt.Sprintf("time.Sleep(%d * time.Second)", timeout(s.Param)))
	case MiscReassign:
		return frag{stmts: []string{`srv = &http.Server{Addr: ":8081"}`}, touches: []string{"srv"}, assigns: []string{"srv"}}
	case MiscSend:
		return frag{stmts: []string{"sigc <- syscall.SIGTERM"}, touches: []string{"sigc"}}
	case MiscReset:
		return one("signal.Reset()")
	default:
		g.serves = true
		return frag{stmts: []string{"{", `srv := &http.Server{Addr: ":9091"}`, "go srv.ListenAndServe()", "srv.Shutdown(context.Background())", "}"}}
	}
}

// declare declares the shared variable v in main (at its top level) with
// its natural value, if it is not declared yet.
func (g *gen) declare(v string) {
	if g.declared[v] {
		return
	}
	g.declared[v] = true
	for _, s := range shared {
		if s.name != v {
			continue
		}
		if v == "lis" {
			g.body = append(g.body, "lis, _ := "+listenLine)
		} else {
			g.body = append(g.body, v+" := "+s.init)
		}
		g.body = append(g.body, "_ = "+v)
	}
}

func (g *gen) step(s Step) {
	f := g.fragment(s)
	wrap, wrap2 := s.Wrap%numWraps, s.Wrap2%numWraps
	if wrap == WrapNone && len(f.defines) > 0 && !g.o.Globals {
		// The natural shape: ctx, stop := signal.NotifyContext(...).
		decl := false
		for _, v := range f.defines {
			if !g.declared[v] {
				decl = true
			}
		}
		for _, v := range f.touches {
			if !slices.Contains(f.defines, v) {
				g.declare(v)
			}
		}
		g.emit(f.define(decl))
		for _, v := range f.defines {
			if !g.declared[v] {
				g.declared[v] = true
				g.body = append(g.body, "_ = "+v)
			}
		}
		return
	}
	for _, v := range f.touches {
		g.declare(v)
	}
	if wrap2 == WrapHelper || wrap2 == WrapRecursive || wrap2 == WrapInit || wrap2 == WrapPkgVar || wrap2 == WrapIface {
		wrap2 = WrapFunc // one level of declarations is enough
	}
	stmts, call := g.wrap(wrap, f.stmts, f.call, f.touches, s.Param)
	if wrap != WrapNone && wrap2 != WrapNone {
		touches := f.touches
		if wrap == WrapSelect || (wrap == WrapHelper || wrap == WrapRecursive) && !g.o.Globals {
			touches = append(slices.Clip(touches), "sigc")
			g.declare("sigc")
		}
		stmts, _ = g.wrap(wrap2, stmts, call, touches, s.Param/2)
	}
	g.emit(stmts)
}

// emit appends a step's statements to main, after the pending comment.
func (g *gen) emit(stmts []string) {
	if g.comment != "" {
		g.body = append(g.body, g.comment)
		g.comment = ""
	}
	g.body = append(g.body, stmts...)
}

// wrap wraps stmts (or the single call) and returns the statements and,
// when they are one call, the call.
func (g *gen) wrap(w int, stmts []string, call string, touches []string, param int) ([]string, string) {
	block := func(open string, close string) []string {
		out := append([]string{open}, stmts...)
		return append(out, close)
	}
	switch w {
	case WrapGo:
		if call != "" {
			return []string{"go " + call}, ""
		}
		return block("go func() {", "}()"), ""
	case WrapGoFunc:
		return block("go func() {", "}()"), ""
	case WrapFunc:
		return block("func() {", "}()"), ""
	case WrapDefer:
		if call != "" {
			return []string{"defer " + call}, ""
		}
		return block("defer func() {", "}()"), ""
	case WrapIf:
		return block("if len(os.Args) > 0 {", "}"), ""
	case WrapFor:
		return block("for i := 0; i < 1; i++ {", "}"), ""
	case WrapClosureVar:
		v := g.name("fn")
		out := block(v+" := func() {", "}")
		if param%2 == 1 {
			return append(out, "go "+v+"()"), ""
		}
		return append(out, v+"()"), ""
	case WrapHelper:
		name := g.name("step")
		params, args := g.params(touches)
		fn := append([]string{"func " + name + "(" + strings.Join(params, ", ") + ") {"}, stmts...)
		g.funcs = append(g.funcs, strings.Join(append(fn, "}"), "\n"))
		c := name + "(" + strings.Join(args, ", ") + ")"
		switch param % 4 {
		case 1:
			return []string{"go " + c}, ""
		case 2:
			return []string{"defer " + c}, ""
		case 3:
			// A function value.
			v := g.name("f")
			return []string{v + " := " + name, v + "(" + strings.Join(args, ", ") + ")"}, ""
		}
		return []string{c}, c
	case WrapSelect:
		g.declare("sigc")
		return block("select {\ncase <-sigc:", "}"), ""
	case WrapSwitch:
		out := block("switch {\ncase len(os.Args) > 1:", "default:")
		return append(out, "}"), ""
	case WrapBlock:
		return block("{", "}"), ""
	case WrapRecursive:
		name := g.name("step")
		params, args := g.params(touches)
		rec := name + "(" + strings.Join(append([]string{"n - 1"}, args...), ", ") + ")"
		fn := append([]string{"func " + name + "(" + strings.Join(append([]string{"n int"}, params...), ", ") + ") {", "if n > 0 {", rec, "return", "}"}, stmts...)
		g.funcs = append(g.funcs, strings.Join(append(fn, "}"), "\n"))
		c := name + "(" + strings.Join(append([]string{"2"}, args...), ", ") + ")"
		return []string{c}, c
	case WrapInit:
		if !g.o.Globals && len(touches) > 0 {
			return g.wrap(WrapFunc, stmts, call, touches, param)
		}
		g.funcs = append(g.funcs, strings.Join(append(append([]string{"func init() {"}, stmts...), "}"), "\n"))
		return nil, ""
	case WrapPkgVar:
		if !g.o.Globals && len(touches) > 0 {
			return g.wrap(WrapFunc, stmts, call, touches, param)
		}
		g.pkgDecls = append(g.pkgDecls, strings.Join(append(append([]string{"var _ = func() (_ struct{}) {"}, stmts...), "return", "}()"), "\n"))
		return nil, ""
	case WrapField:
		typ, v := g.name("holder"), g.name("h")
		g.pkgDecls = append(g.pkgDecls, "type "+typ+" struct{ run func() }")
		out := block(v+" := "+typ+"{run: func() {", "}}")
		return append(out, v+".run()"), ""
	case WrapIface:
		if !g.o.Globals && len(touches) > 0 {
			return g.wrap(WrapFunc, stmts, call, touches, param)
		}
		iface, impl, m, v := g.name("runner"), g.name("impl"), g.name("run"), g.name("r")
		g.pkgDecls = append(g.pkgDecls, "type "+iface+" interface{ "+m+"() }", "type "+impl+" struct{}")
		g.funcs = append(g.funcs, strings.Join(append(append([]string{"func (" + impl + ") " + m + "() {"}, stmts...), "}"), "\n"))
		return []string{"var " + v + " " + iface + " = " + impl + "{}", v + "." + m + "()"}, ""
	case WrapLabeled:
		l := g.name("L")
		return block(l+":\nfor {", "break "+l+"\n}"), ""
	}
	return stmts, call
}

// params are the parameters and arguments that pass the shared
// variables a step helper touches (none when they are package-level).
func (g *gen) params(touches []string) (params, args []string) {
	if g.o.Globals {
		return nil, nil
	}
	for _, s := range shared {
		if slices.Contains(touches, s.name) {
			params = append(params, s.name+" "+s.typ)
			args = append(args, s.name)
		}
	}
	return params, args
}

// helperSrc are the named helpers, in main's spelling.
var helperSrc = map[string]string{
	"runAll": `func runAll(fns ...func() error) {
	for _, fn := range fns {
		go fn()
	}
}`,
	"serveHTTP":  `func serveHTTP(s *http.Server) error { return s.ListenAndServe() }`,
	"serveG":     `func serveG[S interface{ ListenAndServe() error }](s S) error { return s.ListenAndServe() }`,
	"serveIface": `func serveIface(s interface{ ListenAndServe() error }) error { return s.ListenAndServe() }`,
	"stopServer": `func stopServer(s *http.Server) {
	c, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	s.Shutdown(c)
}`,
	"shutdownG": `func shutdownG[S interface{ Shutdown(context.Context) error }](s S, c context.Context) error {
	return s.Shutdown(c)
}`,
	"shutdownIface": `func shutdownIface(s interface{ Shutdown(context.Context) error }) error {
	c, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return s.Shutdown(c)
}`,
	"notifyOn": `func notifyOn(c chan<- os.Signal, sigs ...os.Signal) { signal.Notify(c, sigs...) }`,
}

func (g *gen) helperDecls(exported bool) []string {
	var names []string
	for n := range g.helpers {
		names = append(names, n)
	}
	slices.Sort(names)
	var out []string
	for _, n := range names {
		src := helperSrc[n]
		if exported {
			src = strings.Replace(src, "func "+n, "func "+strings.ToUpper(n[:1])+n[1:], 1)
		}
		out = append(out, src)
	}
	return out
}

// imports are the packages a file may use, by the name it uses them with.
var imports = []struct {
	name, path string
	use        *regexp.Regexp
}{
	{"context", "context", use("context")},
	{"errors", "errors", use("errors")},
	{"lib", LibPath, use("lib")},
	{"log", "log", use("log")},
	{"net", "net", use("net")},
	{"http", "net/http", use("http")},
	{"os", "os", use("os")},
	{"signal", "os/signal", use("signal")},
	{"syscall", "syscall", use("syscall")},
	{"time", "time", use("time")},
}

// use matches a use of the package imported as name: name. not after a
// letter, a digit or a dot.
func use(name string) *regexp.Regexp { return regexp.MustCompile(`(^|[^\w.])` + name + `\.`) }

// file assembles a Go file, importing the packages its text uses.
func file(header string, decls []string) string {
	text := strings.Join(decls, "\n\n")
	var b strings.Builder
	b.WriteString(header)
	b.WriteString("\n\nimport (\n")
	for _, imp := range imports {
		if imp.use.MatchString(text) {
			fmt.Fprintf(&b, "\t%q\n", imp.path)
		}
	}
	b.WriteString(")\n\n")
	b.WriteString(text)
	b.WriteString("\n")
	src, err := format.Source([]byte(b.String()))
	if err != nil {
		// A generator bug: return the text, the type check will say.
		return b.String()
	}
	return string(src)
}

func (g *gen) mainFile() string {
	header := "// Generated by fuzzprog.\npackage main"
	switch g.o.Directive {
	case DirTimeout:
		header += "\n\n//sigtermlint:stop-timeout 10s"
	case DirMalformed:
		header += "\n\n//sigtermlint:stop-timeout soon"
	case DirDuplicate:
		header += "\n\n//sigtermlint:stop-timeout 10s\n\n//sigtermlint:stop-timeout 20s"
	case DirZero:
		header += "\n\n//sigtermlint:stop-timeout 0s"
	case DirDuplicateSame:
		header += "\n\n//sigtermlint:stop-timeout 10s\n//sigtermlint:stop-timeout 10s"
	}
	decls := g.moreDecls()
	if g.o.Split {
		decls = nil
	}
	decls = append(decls, "func main() {\n"+strings.Join(g.body, "\n")+"\n}")
	return file(header, decls)
}

// moreDecls are main's declarations other than func main.
func (g *gen) moreDecls() []string {
	decls := slices.Clone(g.pkgDecls)
	if !g.o.Lib {
		decls = append(decls, g.helperDecls(false)...)
	}
	return append(decls, g.funcs...)
}

// main2File is the second file of package main, with a directive of its
// own when main.go has one: the same value, or another.
func (g *gen) main2File() string {
	header := "package main"
	switch g.o.Directive {
	case DirTimeout, DirDuplicateSame:
		header += "\n\n//sigtermlint:stop-timeout 10s"
	case DirDuplicate:
		header += "\n\n//sigtermlint:stop-timeout 5s"
	}
	return file(header, g.moreDecls())
}

func (g *gen) libFile() string {
	return file("// Package lib holds the helpers of a generated program.\npackage lib", g.helperDecls(true))
}
