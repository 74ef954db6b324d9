package shutdown

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"github.com/sigtermlint/sigtermlint/internal/astedit"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// exitBeforeDrainRule documents exit-before-drain.
var exitBeforeDrainRule = ruledoc.Rule{
	Category:   ruledoc.ExitBeforeDrain,
	Analyzer:   "shutdown",
	Title:      "The process exits while Shutdown is still draining.",
	When:       "a path from the moment a drain starts to a process exit passes no wait for the drain's end",
	Production: "the process quits mid-drain: requests in flight are cut off on every deploy",
	Bad: ruledoc.Example{
		Note: "when Shutdown starts, `ListenAndServe` returns `http.ErrServerClosed` at once, while the drain " +
			"goes on inside Shutdown; main returning (or `log.Fatal`) then ends the drain.",
		Snippets: []ruledoc.Snippet{ruledoc.GoCode(`
go func() { <-ctx.Done(); srv.Shutdown(shutdownCtx) }()
if err := srv.ListenAndServe(); errors.Is(err, http.ErrServerClosed) {
return // main returns at 0s: the drain is cut off
}
`)},
	},
	Good: ruledoc.Example{
		Note: "exit only on a real error, and wait for the drain's end before main returns.",
		Snippets: []ruledoc.Snippet{ruledoc.GoCode(`
drained := make(chan struct{})
go func() {
defer close(drained)
<-ctx.Done()
srv.Shutdown(shutdownCtx)
}()
if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
log.Fatal(err)
}
<-drained // main returns only once the drain is over
`)},
	},
	Fix: "Exit only on a real error (`!errors.Is(err, http.ErrServerClosed)`), and make the flow that serves " +
		"wait for the drain's end: a channel the drain's goroutine closes after Shutdown returns, a " +
		"`sync.WaitGroup`, an errgroup whose `Go` runs the Shutdown itself, or Shutdown in main's own flow. " +
		"Where the drain runs in a goroutine literal of the same function, a suggested fix adds the channel, " +
		"closes it when the goroutine returns, and receives from it where the flow would exit " +
		"(`log.Fatal(srv.ListenAndServe())` becomes the `errors.Is` form followed by the receive). The fixed " +
		"program is clean for this rule.",
	Details: ruledoc.Paras(
		"Judged on control flow, in time order (the stop model). A drain starts beside the flow that serves: "+
			"Shutdown (or GracefulStop, or a function that reaches one) in a goroutine, a callback or another "+
			"function. At that moment the serve call returns (`http.ErrServerClosed`, nil for grpc and "+
			"fasthttp), so the branches on its error are decided. Every path from there to a process exit "+
			"(main returning or falling off its end, `log.Fatal`, `os.Exit`, `panic`, klog's, logrus's and zap's Fatal, "+
			"and a project's own `die()` that ends in one, through facts across packages) must pass a wait for the drain's end: a receive "+
			"from a channel closed or sent on after the Shutdown, `Wait` on a WaitGroup marked `Done` after it or "+
			"on an errgroup whose `Go` runs it, a context its goroutine cancels after it, a sleep longer than its "+
			"deadline, or the drain itself on the path.",
		"A function whose return is reached that way returns mid-drain (a fact for other packages): the paths "+
			"after its calls are followed the same way, and an errgroup's `Wait` returns mid-drain when a member "+
			"does while the drain runs in a plain goroutine. The report is at the statement where the path "+
			"leaves: the `return` in the function whose return leads to the exit, the exit call, or the serve "+
			"call when main falls off its end; related information points at the drain. `go srv.Shutdown(ctx)` "+
			"followed by a return or `os.Exit` is reported the same way.",
		"Any wait the model cannot place (a channel of unknown origin, a second signal, a `Wait` of another "+
			"kind) keeps it silent, and a library function that serves and waits on its own (endless) is "+
			"trusted.",
	),
	Since: ruledoc.V010,
	Links: []ruledoc.Link{
		{Title: "mtlynch/picoshare#571: log.Fatal(ListenAndServe()) exits before the 5s drain", URL: "https://github.com/mtlynch/picoshare/pull/571"},
		{Title: "rumyantseva/advent-2017#1: log.Fatal of srv.ListenAndServe() prevents graceful shutdown", URL: "https://github.com/rumyantseva/advent-2017/issues/1"},
		{Title: "jacksontj/promxy#150: don't log.Fatal when the HTTP server exits", URL: "https://github.com/jacksontj/promxy/pull/150"},
		ruledoc.LinkShutdown,
	},
}

// checkExitBeforeDrain reports every place where the process exits
// while a drain runs, and exports the facts of the functions that
// return mid-drain.
func (c *checker) checkExitBeforeDrain() {
	m := &exitModel{mid: map[*types.Func]*midDrain{}, groups: map[*types.Var]*start{}, passes: map[*types.Func]string{}}
	m.drains, m.done = c.drainsOf()
	c.passThrough(m)
	queue := c.startsOf(m)
	for len(queue) > 0 {
		st := queue[0]
		queue = queue[1:]
		if c.skipScope(st.scope) {
			continue
		}
		leaves, unknown := c.search(st, m.done, errClosed)
		if unknown {
			continue // a wait the model cannot place: silence
		}
		for _, l := range leaves {
			queue = append(queue, c.leaveFrom(m, st, l)...)
		}
	}
	facts := map[*types.Func]*ExitFact{}
	for fn, via := range m.passes {
		facts[fn] = &ExitFact{Via: via, Passes: true}
	}
	for fn, md := range m.mid {
		f := facts[fn]
		if f == nil {
			f = &ExitFact{Via: md.via}
			facts[fn] = f
		}
		f.Via, f.Mid, f.Nil, f.Own = md.via, true, md.returnsNil(), md.own
	}
	// Package main is imported by no one: its functions need no fact.
	for fn, f := range facts {
		if fn.Pkg() == c.pass.Pkg && c.pass.Pkg.Name() != "main" {
			c.pass.ExportObjectFact(fn, f)
		}
	}
	c.model = m
	c.reportExits(m)
}

// reportExits reports each exit once, at the statement where the path
// leaves: a function of the package that returned mid-drain is reported
// at its own returns.
func (c *checker) reportExits(m *exitModel) {
	seen := map[ast.Node]bool{}
	for _, e := range m.exits {
		for _, l := range c.reportSites(m, e) {
			if seen[l.at] {
				continue
			}
			seen[l.at] = true
			x := Exit{Pos: l.at.Pos(), End: l.at.End()}
			if e.st.drain != nil {
				x.Drain = e.st.drain.call.Pos()
			}
			c.exits = append(c.exits, x)
			c.reportExit(m, e.st, l)
		}
	}
}

// reportSites is where an exit is reported: at the leave, or at the
// returns of the function of the package whose return led to it.
func (c *checker) reportSites(m *exitModel, e earlyExit) []leave {
	if e.st.callee != nil {
		if md := m.mid[e.st.callee]; md != nil && len(md.leaves) > 0 {
			return md.leaves
		}
	}
	return []leave{e.leave}
}

// reportExit reports one place where the process exits mid-drain.
func (c *checker) reportExit(m *exitModel, st *start, l leave) {
	who := "main"
	if s := c.scopeOfNode(l.at); s != nil && !s.isLit {
		who = s.decl.Name.Name
	}
	var msg string
	switch {
	case l.kind == leaveExit:
		name := calleeName(c.pass.TypesInfo, l.at.(*ast.CallExpr))
		switch st.kind {
		case httpServe:
			msg = fmt.Sprintf("%s exits as soon as Shutdown starts (%s returns http.ErrServerClosed): in-flight requests are cut off", name, st.what)
		case nilOnServed:
			msg = fmt.Sprintf("%s exits as soon as the graceful stop starts (%s returns): in-flight requests are cut off", name, st.what)
		case notServe:
			if st.what == "go" {
				msg = fmt.Sprintf("%s exits while the drain started in a goroutine runs: in-flight requests are cut off", name)
			} else {
				msg = fmt.Sprintf("%s exits as soon as %s returns, mid-drain: in-flight requests are cut off", name, st.what)
			}
		default:
			msg = fmt.Sprintf("%s exits as soon as %s returns at the graceful stop: in-flight requests are cut off", name, st.what)
		}
	case st.what == "go":
		msg = fmt.Sprintf("%s returns while the drain started in a goroutine runs: the process exits with requests in flight", who)
	case who == "main":
		msg = fmt.Sprintf("main returns as soon as %s returns, mid-drain: the process exits with requests in flight", st.what)
	case m.midVia(st) == "go":
		msg = fmt.Sprintf("%s returns while the drain it started in a goroutine runs, then main exits: requests in flight are cut off", who)
	default:
		msg = fmt.Sprintf("%s returns as soon as %s returns, mid-drain, then main exits: requests in flight are cut off", who, m.midVia(st))
	}
	d := analysis.Diagnostic{Pos: l.at.Pos(), End: l.at.End(), Category: ruledoc.ExitBeforeDrain, Message: msg}
	if st.drain != nil && st.drain.call != nil {
		d.Related = []analysis.RelatedInformation{{Pos: st.drain.call.Pos(), End: st.drain.call.End(), Message: "the drain starts here"}}
	}
	d.SuggestedFixes = c.waitFix(st, l)
	c.report.Report(d)
}

// calleeName names an exit call for messages: log.Fatal, os.Exit, panic.
func calleeName(info *types.Info, call *ast.CallExpr) string {
	switch fn := typeutil.Callee(info, call).(type) {
	case *types.Builtin:
		return fn.Name()
	case *types.Func:
		if recv := fn.Type().(*types.Signature).Recv(); recv != nil {
			t := recv.Type()
			if p, ok := t.(*types.Pointer); ok {
				return "(*" + types.TypeString(p.Elem(), (*types.Package).Name) + ")." + fn.Name()
			}
			return types.TypeString(t, (*types.Package).Name) + "." + fn.Name()
		}
		return fn.Pkg().Name() + "." + fn.Name()
	}
	return "the exit"
}

// waitFix makes the flow wait for the drain's end: the drain's go
// literal closes a channel when it returns (after the stop), and the flow
// receives from it where it would leave. log.Fatal(srv.ListenAndServe())
// becomes
//
//	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
//		log.Fatal(err)
//	}
//	<-drained
//
// It is offered when the drain runs in a go literal of the same flow,
// started before the serve call, and the place of the receive is reached
// only when the drain started (never when serving failed, where nothing
// would close the channel).
func (c *checker) waitFix(st *start, l leave) []analysis.SuggestedFix {
	d := st.drain
	if d == nil || d.scope.goStmt == nil || d.scope.parent != st.scope || d.scope.goStmt.Pos() > st.call.Pos() {
		return nil
	}
	if st.kind != httpServe && st.kind != nilOnServed {
		return nil
	}
	if len(d.scope.body.List) == 0 {
		return nil
	}
	goStmt := d.scope.goStmt
	name := c.freeName(st.scope, "drained")
	goIndent := c.indentOf(goStmt)
	edits := []analysis.TextEdit{
		{Pos: goStmt.Pos(), End: goStmt.Pos(), NewText: []byte(name + " := make(chan struct{})\n" + goIndent)},
		{Pos: d.scope.body.List[0].Pos(), End: d.scope.body.List[0].Pos(), NewText: []byte("defer close(" + name + ")\n" + c.indentOf(d.scope.body.List[0]))},
	}
	wait := "<-" + name
	switch l.kind {
	case leaveExit:
		exit := l.at.(*ast.CallExpr)
		if len(exit.Args) != 1 || ast.Unparen(exit.Args[0]) != st.call {
			return nil
		}
		stmt := c.enclosingExprStmt(st.scope, exit)
		f := astedit.FileOf(c.pass.Files, exit.Pos())
		if stmt == nil || f == nil {
			return nil
		}
		indent := c.indentOf(stmt)
		cond := "err != nil"
		if st.kind == httpServe {
			errorsName, ok := astedit.ImportName(f, "errors")
			if !ok {
				errorsName = "errors"
				edits = append(edits, astedit.AddImport(c.pass.Fset, f, "errors"))
			}
			httpName, ok := astedit.ImportName(f, "net/http")
			if !ok {
				httpName = "http"
				edits = append(edits, astedit.AddImport(c.pass.Fset, f, "net/http"))
			}
			cond = fmt.Sprintf("!%s.Is(err, %s.ErrServerClosed)", errorsName, httpName)
		}
		text := fmt.Sprintf("if err := %s; %s {\n%s\t%s(err)\n%s}\n%s%s",
			c.source(st.call), cond, indent, c.source(exit.Fun), indent, indent, wait)
		edits = append(edits, analysis.TextEdit{Pos: stmt.Pos(), End: stmt.End(), NewText: []byte(text)})
	case leaveReturn, leaveEnd:
		if c.leavesOnFailure(st, l) {
			return nil
		}
		if l.kind == leaveReturn {
			edits = append(edits, analysis.TextEdit{Pos: l.at.Pos(), End: l.at.Pos(), NewText: []byte(wait + "\n" + c.indentOf(l.at))})
		} else {
			end := st.scope.body.Rbrace
			indent := strings.Repeat("\t", c.pass.Fset.Position(end).Column-1)
			edits = append(edits, analysis.TextEdit{Pos: end, End: end, NewText: []byte("\t" + wait + "\n" + indent)})
		}
	}
	return []analysis.SuggestedFix{{Message: "Wait for the drain to end before " + c.leaveVerb(l), TextEdits: edits}}
}

// leaveVerb names what the fix waits before, for its message.
func (c *checker) leaveVerb(l leave) string {
	switch l.kind {
	case leaveExit:
		return "exiting"
	case leaveReturn:
		return "returning"
	}
	return "the function ends"
}

// leavesOnFailure reports whether a failed serve call (an error other
// than the stop's) may also reach l: a wait there would then wait for a
// drain that never comes.
func (c *checker) leavesOnFailure(st *start, l leave) bool {
	leaves, unknown := c.search(st, c.model.done, errFailed)
	if unknown {
		return true
	}
	for _, f := range leaves {
		if f.at == l.at && f.kind == l.kind {
			return true
		}
	}
	return false
}
