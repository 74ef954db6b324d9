package explain

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sigtermlint/sigtermlint/analyzers/shutdown"
	"github.com/sigtermlint/sigtermlint/analyzers/sigterm"
	"github.com/sigtermlint/sigtermlint/internal/config"
	"github.com/sigtermlint/sigtermlint/internal/deploy"
	"github.com/sigtermlint/sigtermlint/internal/directive"
	"github.com/sigtermlint/sigtermlint/internal/durations"
	"github.com/sigtermlint/sigtermlint/internal/reach"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
	"github.com/sigtermlint/sigtermlint/internal/stoptimeout"
)

// explainer builds the Program of one main package.
type explainer struct {
	main     *packages.Package
	out      outcomes
	pkgs     []*packages.Package // main, then the module packages it imports
	root     string              // the module root
	dir      string              // the main package's directory
	prog     *Program
	findings []diagnostic
}

// build explains one main package from the analyzers' outcomes.
func build(main *packages.Package, out outcomes) *Program {
	e := &explainer{main: main, out: out, root: moduleRoot(main), dir: packageDir(main)}
	e.pkgs = withModuleImports([]*packages.Package{main})
	e.prog = &Program{Path: main.PkgPath, Dir: e.displayDir()}
	e.collectFindings()
	o := out.of(main)
	var prog *reach.Program
	if o.reach != nil {
		prog = o.reach.Program
	}
	_, hasMain := main.Types.Scope().Lookup("main").(*types.Func)
	switch {
	case !hasMain:
		e.prog.NoMain = true
		e.prog.Verdict = "no func main: nothing runs"
	case prog == nil || len(prog.Serves) == 0:
		e.prog.Verdict = "it starts no server: there are no requests to drain"
	default:
		e.prog.Serves = true
		e.timeline(prog, o)
		e.servers()
	}
	if len(e.prog.Findings) > 0 {
		e.prog.Verdict = fmt.Sprintf("%d finding%s", len(e.prog.Findings), plural(len(e.prog.Findings)))
	}
	return e.prog
}

// displayDir names the package in the header: its directory below the
// module root, else its import path.
func (e *explainer) displayDir() string {
	if e.main.Module != nil && e.dir != "" {
		if rel, err := filepath.Rel(e.root, e.dir); err == nil && rel != "." && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return e.main.PkgPath
}

// collectFindings gathers the diagnostics of the program's packages.
func (e *explainer) collectFindings() {
	for _, p := range e.pkgs {
		e.findings = append(e.findings, e.out.of(p).diags...)
	}
	fset := e.main.Fset
	sort.SliceStable(e.findings, func(i, j int) bool {
		pi, pj := fset.Position(e.findings[i].Pos), fset.Position(e.findings[j].Pos)
		if pi.Filename != pj.Filename {
			return pi.Filename < pj.Filename
		}
		return pi.Offset < pj.Offset
	})
	for _, d := range e.findings {
		e.prog.Findings = append(e.prog.Findings, Finding{Analyzer: d.analyzer, Category: d.Category, Posn: e.posn(d.Pos), Message: d.Message})
	}
}

// finding returns the first finding of a category, or nil.
func (e *explainer) finding(category string) *diagnostic {
	for i := range e.findings {
		if e.findings[i].Category == category {
			return &e.findings[i]
		}
	}
	return nil
}

// timeline fills the rows of a program that serves.
func (e *explainer) timeline(prog *reach.Program, o *outcome) {
	p := e.prog
	var t stoptimeout.Timeout
	if o.shutdown != nil {
		t = o.shutdown.Timeout
	}
	p.Timeout = Timeout{D: t.D, Kill: t.KillAfter(), Source: t.Source}
	start := time.Duration(0) // when the stop signal is sent
	if ps := t.PreStop; ps != nil {
		p.Timeout.PreStop = ps.D
		start = ps.D
		p.Rows = append(p.Rows, Row{Kind: KindPreStop, Known: true, What: "preStop sleep " + durations.Format(ps.D), Posn: e.filePosn(ps.At.File, ps.At.Line), D: ps.D, DKnown: true})
	}
	p.Signals = e.signals(o.sigterm)
	p.Handling = e.handling(prog, p.Signals[0].Name)
	p.Rows = append(p.Rows, e.signalRow(start))
	p.Exit = e.drain(prog, start)
	kill := e.killRow(t, o.config)
	switch {
	case p.Handling.State == NotDelivered:
		p.Exit = Moment{At: kill.At, Known: true}
	case p.Exit.Known && p.Exit.At >= kill.At:
		p.Rows = append(p.Rows, Row{Kind: KindExit, At: p.Exit.At, Known: true, What: "the drain would end here, after SIGKILL"})
	case p.Exit.Known && p.Exit.Cause != "":
		p.Rows = append(p.Rows, Row{Kind: KindExit, At: p.Exit.At, Known: true, What: "process exits: " + p.Exit.Cause, Posn: p.Exit.Posn})
	case p.Exit.Known:
		p.Rows = append(p.Rows, Row{Kind: KindExit, At: p.Exit.At, Known: true, What: "process exits"})
	default:
		p.Rows = append(p.Rows, Row{Kind: KindExit, What: "process exits", Source: p.Exit.Why, Posn: p.Exit.Posn})
	}
	p.Rows = append(p.Rows, kill)
	killAt := kill.At + e.loadBalancer(o)
	sortRows(p.Rows)
	p.Verdict = e.verdict(killAt)
}

// loadBalancer starts the timeline where the load balancer starts
// draining the program's target, and returns by how much that moves the
// stop signal: on ECS the drain comes first and the signal after it,
// on Kubernetes the drain runs beside the preStop hook and the signal.
func (e *explainer) loadBalancer(o *outcome) time.Duration {
	p := e.prog
	if o.shutdown == nil || len(o.shutdown.Drains) == 0 {
		return 0
	}
	d := o.shutdown.Drains[0]
	p.Drain = &Drain{D: d.D, Known: d.Known, What: d.What, Posn: e.filePosn(d.File, d.Line), BeforeStop: d.BeforeStop}
	if !d.Known {
		p.Rows = append(p.Rows, Row{Kind: KindLBDrain, What: "the load balancer drains the target", Source: d.What, Posn: p.Drain.Posn})
		return 0
	}
	secs := deploy.Seconds(d.D)
	if !d.BeforeStop {
		p.Rows = append(p.Rows,
			Row{Kind: KindLBDrain, Known: true, What: "the load balancer starts draining the pod for " + secs + ", beside the preStop hook and the grace period", Posn: p.Drain.Posn, D: d.D, DKnown: true},
			Row{Kind: KindLBCut, At: d.D, Known: true, What: "the load balancer's drain ends: requests still running through it are cut"})
		return 0
	}
	// ECS: everything the program does moves after the drain.
	for i := range p.Rows {
		if p.Rows[i].Known {
			p.Rows[i].At += d.D
		}
	}
	if p.Exit.Known {
		p.Exit.At += d.D
	}
	p.Timeout.Kill += d.D
	p.Rows = append(p.Rows,
		Row{Kind: KindLBDrain, Known: true, What: "the load balancer stops sending new requests and drains the task for " + secs + "; the stop signal comes after", Posn: p.Drain.Posn, D: d.D, DKnown: true},
		Row{Kind: KindLBCut, At: d.D, Known: true, What: "the load balancer's drain ends: requests still running through it are cut"})
	return d.D
}

// signals returns the program's stop signals, or SIGTERM by default.
func (e *explainer) signals(r *sigterm.Result) []Signal {
	var out []Signal
	if r != nil {
		for _, s := range r.StopSignals {
			sig := Signal{Name: s.Name, Source: s.What}
			if s.File != "" {
				sig.Posn = e.filePosn(s.File, s.Line)
			}
			out = append(out, sig)
		}
	}
	if len(out) == 0 {
		out = []Signal{{Name: "SIGTERM", Source: "the default"}}
	}
	return out
}

// handling says whether the program handles signal name, and where.
func (e *explainer) handling(prog *reach.Program, name string) Handling {
	if d := e.finding(ruledoc.SignalNotDelivered); d != nil {
		h := Handling{State: NotDelivered, Why: "a shell stays PID 1 and keeps it (" + d.Category + ")", Posn: e.posn(d.Pos)}
		if len(d.Related) > 0 {
			h.Posn = e.posn(d.Related[0].Pos)
		}
		return h
	}
	bit, tracked := reach.SignalBit(name)
	switch {
	case !tracked:
		return Handling{State: Unknown, Why: "sigtermlint follows SIGTERM, SIGINT and SIGQUIT only"}
	case prog.Bits&bit != 0:
		for _, n := range prog.Notifies {
			if n.Bits&bit != 0 {
				return Handling{State: Handled, Via: e.callName(n.Pos, n.End), Posn: e.posn(n.Pos)}
			}
		}
		for _, n := range prog.Handlers {
			if n.Bits&bit != 0 {
				return Handling{State: Handled, Via: e.callName(n.Pos, n.End), Posn: e.posn(n.Pos)}
			}
		}
		return Handling{State: Handled, Via: "an imported package"} // reached only through an imported package's initialization
	case prog.Bits&reach.SigUnknown != 0:
		return Handling{State: Unknown, Why: "a signal list sigtermlint cannot resolve may hold it"}
	}
	return Handling{State: NotHandled}
}

// callName names the call of package main at pos: signal.NotifyContext,
// run.SignalHandler.
func (e *explainer) callName(pos, end token.Pos) string {
	var name string
	for _, f := range e.main.Syntax {
		if f.Pos() > pos || pos > f.End() {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || call.Pos() != pos || call.End() != end {
				return name == ""
			}
			switch fn := typeutil.Callee(e.main.TypesInfo, call).(type) {
			case *types.Func:
				name = qualifiedName(fn)
			default:
				name = types.ExprString(call.Fun)
			}
			return false
		})
	}
	if name == "" {
		name = e.directiveAt(pos)
	}
	if name == "" {
		return "a call"
	}
	return name
}

// directiveAt returns the text of the //sigtermlint: declaration at pos
// (a program-wide handles), or "".
func (e *explainer) directiveAt(pos token.Pos) string {
	for _, f := range e.main.Syntax {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if c.Pos() == pos && strings.HasPrefix(c.Text, "//sigtermlint:") {
					return c.Text
				}
			}
		}
	}
	return ""
}

// qualifiedName is pkg.Func or (T).Method, as in the findings' chains.
func qualifiedName(fn *types.Func) string {
	sig := fn.Type().(*types.Signature)
	if recv := sig.Recv(); recv != nil {
		t := recv.Type()
		ptr := ""
		if p, ok := t.(*types.Pointer); ok {
			t, ptr = p.Elem(), "*"
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return "(" + ptr + n.Obj().Pkg().Name() + "." + n.Obj().Name() + ")." + fn.Name()
		}
		return fn.Name()
	}
	if fn.Pkg() == nil {
		return fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

// signalRow is the row of the stop signal, sent at start.
func (e *explainer) signalRow(start time.Duration) Row {
	sig, h := e.prog.Signals[0].Name, e.prog.Handling
	r := Row{Kind: KindSignal, At: start, Known: true}
	switch h.State {
	case Handled:
		r.What, r.Posn = sig+" -> "+h.Via, h.Posn
	case NotHandled:
		r.What = sig + " is not handled: the Go runtime exits at once"
	case NotDelivered:
		r.What, r.Posn = sig+" goes to a shell, not the program", h.Posn
	default:
		r.What = sig + ": handled or not is unknown: " + h.Why
	}
	return r
}

// drain adds the rows of the program's graceful stops and returns when
// the process exits.
func (e *explainer) drain(prog *reach.Program, start time.Duration) Moment {
	p := e.prog
	switch p.Handling.State {
	case NotHandled:
		return Moment{At: start, Known: true}
	case Unknown:
		return Moment{Why: "whether " + p.Signals[0].Name + " is handled is unknown"}
	case NotDelivered:
		return Moment{}
	}
	if prog.Bits&reach.Stop == 0 {
		if prog.Bits&reach.StopUnknown != 0 {
			return Moment{Why: "a graceful stop may be behind an interface assertion sigtermlint cannot resolve"}
		}
		return Moment{Why: "no graceful stop is reachable: whenever it exits, requests in flight are cut off"}
	}
	var stops []shutdown.Stop
	u := findUnreached(e.main, e.pkgs)
	for _, pkg := range e.pkgs {
		if r := e.out.of(pkg).shutdown; r != nil {
			for _, st := range r.Stops {
				if !u.dropped(st.Pos) {
					stops = append(stops, st)
				}
			}
		}
	}
	if len(stops) == 0 {
		return Moment{Why: "its graceful stop has no deadline sigtermlint can see (a GracefulStop, or a stop inside a library outside the module)"}
	}
	exit := Moment{At: start, Known: true}
	var unknown *Moment
	seen := map[string]bool{}
	for _, st := range stops {
		at := start
		for _, step := range st.Steps {
			key := fmt.Sprint(step.Pos, step.What)
			if !seen[key] {
				seen[key] = true
				kind := KindStop
				if step.Sleep {
					kind = KindSleep
				}
				p.Rows = append(p.Rows, Row{Kind: kind, At: at, Known: true, What: step.What, Posn: e.posn(step.Pos), D: step.D, DKnown: step.Known})
			}
			at += step.D
		}
		switch {
		case !st.Known && unknown == nil:
			unknown = &Moment{Why: st.Name + ": " + st.Why, Posn: e.posn(st.WhyPos)}
		case st.Known && start+st.Total > exit.At:
			exit.At = start + st.Total
		}
	}
	// The stop model's exits (exit-before-drain's sites): the process
	// ends as the drain starts.
	for _, pkg := range e.pkgs {
		if r := e.out.of(pkg).shutdown; r != nil {
			for _, x := range r.Exits {
				if !u.dropped(x.Pos) {
					return e.exitBeforeDrain(stops, start, x.Pos)
				}
			}
		}
	}
	if unknown != nil {
		return *unknown
	}
	return exit
}

// exitBeforeDrain is the exit of a program that ends as soon as its
// first graceful stop starts.
func (e *explainer) exitBeforeDrain(stops []shutdown.Stop, start time.Duration, exit token.Pos) Moment {
	first := Moment{Why: "it exits as soon as its graceful stop starts (exit-before-drain), whose time is unknown", Posn: e.posn(exit)}
	for _, st := range stops {
		at := start
		for _, step := range st.Steps {
			// The stop's own step starts the drain: the exit comes
			// then, whether its deadline is known or not.
			if step.Pos == st.Pos {
				if !first.Known || at < first.At {
					first = Moment{At: at, Known: true, Cause: "as the drain starts (exit-before-drain)", Posn: e.posn(exit)}
				}
				break
			}
			if !step.Known {
				break
			}
			at += step.D
		}
	}
	return first
}

// killRow is SIGKILL's row, with where the stop timeout comes from.
func (e *explainer) killRow(t stoptimeout.Timeout, cfg *config.Config) Row {
	r := Row{Kind: KindSIGKILL, At: t.KillAfter(), Known: true}
	d := durations.Format(t.D)
	switch t.Origin {
	case stoptimeout.OriginManifest:
		r.What = "SIGKILL (" + t.Setting + ")"
		if t.Manifest != nil {
			r.Posn = e.filePosn(t.Manifest.File, t.Manifest.Line)
		}
	case stoptimeout.OriginDirective:
		r.What = "SIGKILL (" + directive.StopTimeoutPrefix + " " + d + ")"
		r.Posn = e.posn(t.Directive)
	case stoptimeout.OriginFlag:
		r.What, r.Source = "SIGKILL (stop timeout "+d+")", stoptimeout.FlagSpelling+"="+d
	case stoptimeout.OriginPlatform:
		r.What, r.Source = "SIGKILL (stop timeout "+d+")", "-sigtermlint.platform"
		if cfg != nil && cfg.Platform != nil {
			r.Source += "=" + cfg.Platform.Name
		}
	default:
		r.What, r.Source = "SIGKILL (stop timeout "+d+")", "the default"
	}
	return r
}

// verdict says what the timeline comes to when there is no finding; build
// replaces it with the count when there are findings.
func (e *explainer) verdict(kill time.Duration) string {
	p := e.prog
	switch {
	case p.Handling.State == NotHandled || p.Handling.State == NotDelivered:
		return "no finding, yet the stop signal does not reach a handler: requests in flight are cut off"
	case !p.Exit.Known:
		return "no finding; whether the drain fits is unknown: " + p.Exit.Why
	case p.Exit.At >= kill:
		return fmt.Sprintf("no finding, yet the drain may end at %s, not before SIGKILL at %s (a Shutdown outside package main is checked against the flags or 30s, not this program's manifests or directive)", durations.Format(p.Exit.At), durations.Format(kill))
	}
	return fmt.Sprintf("nothing is wrong: the drain fits with %s to spare", durations.Format(kill-p.Exit.At))
}

// sortRows orders rows by time, SIGKILL after the rows of its instant;
// rows of unknown time go last, before SIGKILL's row when it is last.
func sortRows(rows []Row) {
	rank := func(r Row) int {
		switch r.Kind {
		case KindSIGKILL:
			return 1
		case KindLBDrain, KindLBCut:
			// The timeline starts with the load balancer, and on ECS
			// its drain ends before the signal of the same instant.
			return -1
		}
		return 0
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.Known != b.Known {
			return a.Known
		}
		if a.At != b.At {
			return a.At < b.At
		}
		return rank(a) < rank(b)
	})
	// Move the unknown rows before a trailing SIGKILL.
	var known, unknown []Row
	for _, r := range rows {
		if r.Known {
			known = append(known, r)
		} else {
			unknown = append(unknown, r)
		}
	}
	if n := len(known); n > 0 && known[n-1].Kind == KindSIGKILL && len(unknown) > 0 {
		out := append(append(append([]Row{}, known[:n-1]...), unknown...), known[n-1])
		copy(rows, out)
	}
}

// servers lists the servers the program's packages shut down.
func (e *explainer) servers() {
	for _, pkg := range e.pkgs {
		r := e.out.of(pkg).shutdown
		if r == nil {
			continue
		}
		for _, srv := range r.Servers {
			l := srv.Longest
			s := Server{Name: srv.Name, Posn: e.posn(srv.Pos), Complete: srv.Complete, LongestPosn: e.posn(l.Pos)}
			switch {
			case l.Bounded && l.Known:
				s.Longest, s.LongestD, s.LongestKnown = durations.Format(l.D)+" ("+l.By+")", l.D, true
			case l.Bounded:
				s.Longest = "unknown: " + l.By
			default:
				s.Longest = "unbounded: " + l.By
			}
			for _, h := range srv.Handlers {
				s.Handlers = append(s.Handlers, ServerHandler{Route: h.Route, What: h.What, Posn: e.posn(h.Pos)})
			}
			e.prog.Servers = append(e.prog.Servers, s)
		}
	}
}

// posn prints a position as file:line, relative to the package's
// directory for its own files, to the module root for the others.
func (e *explainer) posn(pos token.Pos) string {
	if !pos.IsValid() {
		return ""
	}
	p := e.main.Fset.Position(pos)
	return e.filePosn(p.Filename, p.Line)
}

// filePosn prints a file line the same way.
func (e *explainer) filePosn(file string, line int) string {
	name := file
	if filepath.Dir(file) == e.dir {
		name = filepath.Base(file)
	} else if rel, err := filepath.Rel(e.root, file); err == nil && !strings.HasPrefix(rel, "..") {
		name = filepath.ToSlash(rel)
	}
	if line <= 0 {
		return name
	}
	return fmt.Sprintf("%s:%d", name, line)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
