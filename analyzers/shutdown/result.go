package shutdown

import (
	"fmt"
	"go/token"
	"sort"
	"time"

	"github.com/sigtermlint/sigtermlint/internal/durations"
	"github.com/sigtermlint/sigtermlint/internal/longlived"
	"github.com/sigtermlint/sigtermlint/internal/stoptimeout"
)

// Result is what the analyzer saw of a package's stops, for drivers that
// explain a program's stop (sigtermlint -explain); the findings are its
// diagnostics. Its positions are in the pass's FileSet: a Result never
// leaves the process (it is no fact).
type Result struct {
	// Timeout is the stop timeout the package's stops are checked
	// against, with where it comes from.
	Timeout stoptimeout.Timeout
	// Stops are the package's graceful stops, in source order, test
	// helpers left out. A library that bounds the drain on its own (fx's
	// StopTimeout) is a Stop too, with Library set and one step.
	Stops []Stop
	// Exits are the places where the process exits while a drain
	// runs, as the stop model found them (exit-before-drain's sites,
	// whether or not an ignore directive silences them).
	Exits []Exit
	// Servers are the *http.Servers the package shuts down with
	// Shutdown and could follow to what they serve, in source order.
	Servers []Server
	// Drains are the load balancers' drains in front of package main,
	// as its deployment files set them, the shortest first.
	Drains []Drain
}

// Drain is a load balancer's drain in front of the program.
type Drain struct {
	// What says the time and where it is set:
	// "deregistration_delay.timeout_seconds 5s at k8s/ingress.yaml:9".
	What string
	D    time.Duration
	// Known: D is read; an unresolved value (a variable, a template) is
	// not.
	Known bool
	// BeforeStop: the drain runs before the stop signal is sent (ECS);
	// otherwise beside it (Kubernetes).
	BeforeStop bool
	File       string // absolute
	Line       int
}

// Server is a server the package shuts down: the longest request it
// allows and its long-lived handlers.
type Server struct {
	Pos  token.Pos // its first Shutdown call
	Name string    // the variable or field that holds it
	// Complete: every handler of the server was followed; otherwise
	// handlers sigtermlint could not see may be long-lived too.
	Complete bool
	Longest  longlived.Longest
	Handlers []Handler
}

// Handler is a long-lived handler of a server.
type Handler struct {
	Route string    // "" when unknown
	What  string    // "hijacks the connection ((*websocket.Upgrader).Upgrade)"
	Pos   token.Pos // where it does it, or where the package names it
}

// Exit is a place where the process exits mid-drain.
type Exit struct {
	Pos, End token.Pos
	// Drain is where the drain starts, when it is in the package.
	Drain token.Pos
}

// Stop is one graceful stop and the time from the stop signal to the end
// of its drain, step by step.
type Stop struct {
	Pos, End token.Pos // the call, or the library's call in the package
	Name     string    // the called method: Shutdown, ShutdownWithTimeout
	// Library names the library whose own stop bounds the drain ("fx"),
	// or "" for a stop call of the package.
	Library string
	// Steps are the waits from the signal to the end of the drain, in
	// order: sleeps, the deadlines of earlier stops it follows, its own
	// deadline (or the step that makes the total unknown, last).
	Steps []Step
	// Total is the sum of the steps, when Known.
	Total time.Duration
	Known bool
	// Why says why the total is unknown, and WhyPos where (a
	// WithTimeout whose duration cannot be resolved, a parameter, a
	// sleep); WhyPos may be NoPos.
	Why    string
	WhyPos token.Pos
	// Unbounded: nothing bounds the drain (a context without deadline,
	// a library that waits without limit).
	Unbounded bool
	// Cancelled: the context is already done, so the stop returns at
	// once and drains nothing (Total covers the waits before it).
	Cancelled bool
}

// Step is one wait on the way to the end of a drain.
type Step struct {
	Pos, End token.Pos
	What     string        // "sleep 5s", "Shutdown deadline 20s", "fx StopTimeout 15s (fx's default)"
	D        time.Duration // its length, when Known
	Known    bool
	Sleep    bool // a time.Sleep on the way, not a stop
}

// result gathers the stops recorded while checking, in source order.
func (c *checker) result() *Result {
	// Library drain bounds (libbounds.go) join c.stopsSeen here as stops
	// of one step each.
	stops := c.stopsSeen
	for _, lb := range c.libBounds {
		st := Stop{Pos: lb.Pos, End: lb.End, Name: lb.Library, Library: lb.Library}
		step := Step{Pos: lb.Pos, End: lb.End}
		switch {
		case lb.Unbounded:
			st.Unbounded, st.Why, st.WhyPos = true, lb.Library+" waits without a deadline ("+lb.Source+")", lb.Pos
			step.What = lb.Library + " drain without a deadline"
		case !lb.Known:
			st.Why, st.WhyPos = lb.Source+" cannot be resolved", lb.Pos
			step.What = lb.Library + " drain bound unknown (" + lb.Source + ")"
		default:
			st.Known, st.Total = true, lb.D
			step.What, step.D, step.Known = fmt.Sprintf("%s drain bound %s (%s)", lb.Library, durations.Format(lb.D), lb.Source), lb.D, true
		}
		st.Steps = []Step{step}
		stops = append(stops, st)
	}
	sort.SliceStable(stops, func(i, j int) bool { return stops[i].Pos < stops[j].Pos })
	return &Result{Timeout: c.timeout, Stops: stops, Exits: c.exits, Servers: c.serversSeen, Drains: c.drainsSeen()}
}

// recordServer notes a server followed from its Shutdown at pos.
func (c *checker) recordServer(srv *longlived.Server, pos token.Pos) {
	rs := Server{Pos: pos, Name: srv.Var.Name(), Complete: srv.Complete, Longest: srv.Longest()}
	for _, h := range srv.Handlers {
		what, at := h.Describe()
		rs.Handlers = append(rs.Handlers, Handler{Route: h.Route, What: what, Pos: at})
	}
	c.serversSeen = append(c.serversSeen, rs)
}

// record notes what the analysis found of one stop.
func (c *checker) record(stop *stopCall, b *budget) {
	st := Stop{Pos: stop.call.Pos(), End: stop.call.End(), Name: stop.name,
		Steps: b.steps, Known: b.why == "", Why: b.why, WhyPos: b.whyPos, Unbounded: b.unbounded, Cancelled: b.cancelled}
	if st.Known {
		st.Total = b.total
	}
	c.stopsSeen = append(c.stopsSeen, st)
}
