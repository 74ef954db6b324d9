package reach

import (
	"fmt"
	"strings"
	"time"
)

// Bits is the set of things a function reaches, transitively.
type Bits uint16

const (
	// Serve: a serve call (net/http, grpc, fasthttp) is reachable.
	Serve Bits = 1 << iota
	// ServeSync: the function blocks in a serve call in its own flow (a
	// statement of its body, not a goroutine, a branch or a loop): what
	// its caller does after calling it runs only once the server stopped.
	ServeSync
	// SigTERM: a signal.Notify or NotifyContext whose list holds SIGTERM
	// (or lists no signal at all) is reachable.
	SigTERM
	// SigINT: likewise for SIGINT / os.Interrupt.
	SigINT
	// SigQUIT: likewise for SIGQUIT, the STOPSIGNAL of some images.
	SigQUIT
	// SigUnknown: a Notify is reachable whose signal list could not be
	// resolved; what it handles is unknown.
	SigUnknown
	// Stop: a graceful stop ((*http.Server).Shutdown, (*grpc.Server).GracefulStop,
	// fasthttp's Shutdown) is reachable.
	Stop
	// StopUnknown: a value is asserted to an interface with a graceful
	// stop method (x.(interface{ Shutdown(context.Context) error })): what
	// it stops cannot be known, so a graceful stop may be reachable.
	StopUnknown
	// ServeErr: the function returns the error of a net/http serve call
	// as its own (echo's Start), so http.ErrServerClosed comes out of it.
	// Unlike the other bits it does not pass to callers.
	ServeErr
)

var bitNames = []struct {
	bit  Bits
	name string
}{
	{Serve, "serve"},
	{ServeSync, "servesync"},
	{SigTERM, "sigterm"},
	{SigINT, "sigint"},
	{SigQUIT, "sigquit"},
	{SigUnknown, "sigunknown"},
	{Stop, "stop"},
	{StopUnknown, "stopunknown"},
	{ServeErr, "serveerr"},
}

func (b Bits) String() string {
	var names []string
	for _, bn := range bitNames {
		if b&bn.bit != 0 {
			names = append(names, bn.name)
		}
	}
	return strings.Join(names, " ")
}

// FuncFact is exported for each function or method of a package that
// reaches something. Functions that reach nothing get no fact.
//
// It holds no token.Pos: under go vet each package is analyzed in a
// process of its own, where positions of other packages mean nothing.
type FuncFact struct {
	Bits Bits
	// SignalParam is the 1-based index of a parameter whose signals the
	// function hands to signal.Notify (oklog/run's SignalHandler(ctx,
	// signals...)); they are resolved at each call site. 0: none.
	SignalParam int
	// Via names the calls from this function to the serve call, for
	// messages: "(*http.Server).ListenAndServe" or
	// "(*gin.Engine).Run -> http.ListenAndServe". Set with Serve.
	Via string
	// StopCtxParam is the 1-based index of a context parameter that the
	// function hands to a graceful stop (echo's Shutdown(ctx)): a call of
	// it is a Shutdown with that context. 0: none.
	StopCtxParam int
	// StopTimeoutParam is the 1-based index of a duration parameter that
	// bounds a graceful stop the function runs with a fresh
	// context.WithTimeout(context.Background(), d) (fiber's
	// ShutdownWithTimeout(d)). 0: none.
	StopTimeoutParam int
	// StopNoDeadline says that the function, exported from a package
	// other than main, runs in its own flow a graceful stop whose
	// context has no deadline and does not come from its caller
	// (context.Background() passed down: fiber's Shutdown()). A call of
	// it is a stop without a deadline, judged at the call, where the
	// program shows whether anyone waits for it; the function's own
	// stop is not reported, so that the bug is reported once.
	StopNoDeadline bool
	// StopsWithin is the time a //sigtermlint:stops-within declaration
	// on the function gives its graceful stop; 0: none. A package main
	// that calls the function judges it against the program's own stop
	// timeout (its manifests, its directive).
	StopsWithin time.Duration
	// Exits: the function never returns, it ends the process on every
	// path (a project's die(), a wrapper of log.Fatal): a call of it is
	// an exit for the control-flow graphs and the stop model.
	Exits bool
}

func (*FuncFact) AFact() {}

func (f *FuncFact) String() string {
	s := describe(f.Bits, f.SignalParam, f.Via)
	if f.StopCtxParam > 0 {
		s = fmt.Sprintf("%s stopctx:param%d)", strings.TrimSuffix(s, ")"), f.StopCtxParam)
	}
	if f.StopTimeoutParam > 0 {
		s = fmt.Sprintf("%s stoptimeout:param%d)", strings.TrimSuffix(s, ")"), f.StopTimeoutParam)
	}
	if f.StopNoDeadline {
		s = strings.TrimSuffix(s, ")") + " stopnodeadline)"
	}
	if f.StopsWithin > 0 {
		s = fmt.Sprintf("%s stopswithin:%s)", strings.TrimSuffix(s, ")"), f.StopsWithin)
	}
	if f.Exits {
		s = strings.TrimSuffix(s, ")") + " exits)"
	}
	return s
}

// InitFact is exported for a package whose initialization (package-level
// variable initializers and init functions) reaches something: every
// program that imports the package runs it.
type InitFact struct {
	Bits Bits
	Via  string
}

func (*InitFact) AFact() {}

func (f *InitFact) String() string { return describe(f.Bits, 0, f.Via) }

func describe(b Bits, param int, via string) string {
	s := b.String()
	if param > 0 {
		s = strings.TrimSpace(fmt.Sprintf("%s signals:param%d", s, param))
	}
	if via != "" {
		s += " via " + via
	}
	return "reach(" + s + ")"
}
