package explain

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/sigtermlint/sigtermlint/internal/durations"
)

// WriteText prints the programs as plain text: a header per program,
// the timeline with a time column, then the verdict and the findings.
func WriteText(w io.Writer, progs []*Program) error {
	var b strings.Builder
	for i, p := range progs {
		if i > 0 {
			b.WriteString("\n")
		}
		writeProgram(&b, p)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeProgram(b *strings.Builder, p *Program) {
	b.WriteString(p.Dir + ": " + header(p) + "\n")
	if p.Serves {
		writeRows(b, p.Rows)
		writeServers(b, p.Servers)
	}
	b.WriteString("  " + p.Verdict)
	if len(p.Findings) > 0 {
		b.WriteString(":")
	}
	b.WriteString("\n")
	for _, f := range p.Findings {
		fmt.Fprintf(b, "    %s %s: %s\n", f.Category, f.Posn, f.Message)
	}
}

// header says what stops the program and whether it handles it.
func header(p *Program) string {
	switch {
	case p.NoMain:
		return "no func main"
	case !p.Serves:
		return "starts no server"
	}
	var sigs []string
	for _, s := range p.Signals {
		sigs = append(sigs, s.Name+" ("+s.Source+")")
	}
	word := "stop signal "
	if len(sigs) > 1 {
		word = "stop signals "
	}
	h := p.Handling
	var how string
	switch h.State {
	case Handled:
		how = "handled at " + h.Posn
		if h.Posn == "" {
			how = "handled in " + h.Via
		}
	case NotHandled:
		how = "not handled"
	case NotDelivered:
		how = "not delivered: " + h.Why
	default:
		how = "handled or not: unknown, " + h.Why
	}
	return word + strings.Join(sigs, ", ") + ", " + how
}

// writeRows prints the timeline in three columns: the time, right
// aligned; what happens; where it comes from.
func writeRows(b *strings.Builder, rows []Row) {
	timeW, whatW := 0, 0
	for _, r := range rows {
		timeW = max(timeW, len(rowTime(r)))
		whatW = max(whatW, len(r.What))
	}
	for _, r := range rows {
		src := r.Posn
		switch {
		case r.Source != "" && r.Posn != "":
			src = r.Source + ", " + r.Posn
		case r.Source != "":
			src = r.Source
		}
		line := fmt.Sprintf("  %*s  %-*s  %s", timeW, rowTime(r), whatW, r.What, src)
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
}

// writeServers prints, per server shut down, the longest request it
// allows and its long-lived handlers.
func writeServers(b *strings.Builder, servers []Server) {
	for _, s := range servers {
		fmt.Fprintf(b, "  server %s (Shutdown at %s): longest request %s", s.Name, s.Posn, s.Longest)
		if s.LongestPosn != "" {
			fmt.Fprintf(b, " (%s)", s.LongestPosn)
		}
		b.WriteString("\n")
		for _, h := range s.Handlers {
			route := h.Route
			if route == "" {
				route = "a handler"
			}
			fmt.Fprintf(b, "    %s %s  %s\n", route, h.What, h.Posn)
		}
		if !s.Complete {
			b.WriteString("    (some of its handlers could not be followed)\n")
		}
	}
}

func rowTime(r Row) string {
	if !r.Known {
		return "unknown"
	}
	return durations.Format(r.At)
}

// WriteJSON prints the programs as a JSON array, one object per
// program. Times are numbers of seconds from the start of the stop (the
// load balancer's drain when the deployment files set one, else the
// preStop hook, else the stop signal); an unknown time is null.
func WriteJSON(w io.Writer, progs []*Program) error {
	out := make([]jsonProgram, 0, len(progs))
	for _, p := range progs {
		out = append(out, toJSON(p))
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // "SIGTERM -> signal.Notify" as written
	enc.SetIndent("", "\t")
	return enc.Encode(out)
}

type jsonProgram struct {
	Package     string        `json:"package"`
	Dir         string        `json:"dir"`
	Serves      bool          `json:"serves"`
	StopSignals []jsonSignal  `json:"stop_signals,omitempty"`
	Handling    *jsonHandling `json:"handling,omitempty"`
	StopTimeout *jsonTimeout  `json:"stop_timeout,omitempty"`
	Timeline    []jsonRow     `json:"timeline,omitempty"`
	Exit        *jsonMoment   `json:"exit,omitempty"`
	Drain       *jsonDrain    `json:"load_balancer,omitempty"`
	Servers     []jsonServer  `json:"servers,omitempty"`
	Findings    []jsonFinding `json:"findings"`
	Verdict     string        `json:"verdict"`
}

// jsonDrain is the load balancer's drain in front of the program:
// Seconds is null when the value is not resolved.
type jsonDrain struct {
	Seconds    *float64 `json:"seconds"`
	What       string   `json:"what"`
	Posn       string   `json:"posn,omitempty"`
	BeforeStop bool     `json:"before_stop"`
}

type jsonSignal struct {
	Name   string `json:"name"`
	Source string `json:"source"`
	Posn   string `json:"posn,omitempty"`
}

type jsonHandling struct {
	State string `json:"state"`
	Via   string `json:"via,omitempty"`
	Posn  string `json:"posn,omitempty"`
	Why   string `json:"why,omitempty"`
}

type jsonTimeout struct {
	Seconds        float64  `json:"seconds"`
	PreStopSeconds float64  `json:"prestop_seconds"`
	KillAt         *float64 `json:"kill_at"`
	Source         string   `json:"source"`
}

type jsonRow struct {
	Kind string   `json:"kind"`
	At   *float64 `json:"at"`
	// Length is the wait's length in seconds, null when unknown, for
	// the waits (prestop, sleep, stop); absent for the other rows.
	Length any    `json:"length,omitempty"`
	What   string `json:"what"`
	Posn   string `json:"posn,omitempty"`
	Source string `json:"source,omitempty"`
}

type jsonServer struct {
	Name string `json:"name"`
	Posn string `json:"posn"`
	// LongestRequest is in seconds, null when unbounded or unknown;
	// Longest says what bounds it or why nothing does.
	LongestRequest *float64        `json:"longest_request"`
	Longest        string          `json:"longest"`
	LongestPosn    string          `json:"longest_posn,omitempty"`
	Complete       bool            `json:"complete"`
	Handlers       []ServerHandler `json:"long_lived_handlers,omitempty"`
}

type jsonMoment struct {
	At    *float64 `json:"at"`
	Why   string   `json:"why,omitempty"`
	Cause string   `json:"cause,omitempty"`
	Posn  string   `json:"posn,omitempty"`
}

type jsonFinding struct {
	Analyzer string `json:"analyzer"`
	Category string `json:"category"`
	Posn     string `json:"posn"`
	Message  string `json:"message"`
}

func toJSON(p *Program) jsonProgram {
	j := jsonProgram{Package: p.Path, Dir: p.Dir, Serves: p.Serves, Verdict: p.Verdict, Findings: []jsonFinding{}}
	for _, f := range p.Findings {
		j.Findings = append(j.Findings, jsonFinding(f))
	}
	if !p.Serves {
		return j
	}
	for _, s := range p.Signals {
		j.StopSignals = append(j.StopSignals, jsonSignal(s))
	}
	h := jsonHandling(p.Handling)
	j.Handling = &h
	j.StopTimeout = &jsonTimeout{Seconds: p.Timeout.D.Seconds(), PreStopSeconds: p.Timeout.PreStop.Seconds(),
		KillAt: seconds(p.Timeout.Kill, true), Source: p.Timeout.Source}
	for _, r := range p.Rows {
		row := jsonRow{Kind: r.Kind, At: seconds(r.At, r.Known), What: r.What, Posn: r.Posn, Source: r.Source}
		if r.IsWait() {
			row.Length = seconds(r.D, r.DKnown) // a nil *float64 in an interface prints null
		}
		j.Timeline = append(j.Timeline, row)
	}
	for _, s := range p.Servers {
		j.Servers = append(j.Servers, jsonServer{Name: s.Name, Posn: s.Posn, LongestRequest: seconds(s.LongestD, s.LongestKnown),
			Longest: s.Longest, LongestPosn: s.LongestPosn, Complete: s.Complete, Handlers: s.Handlers})
	}
	if d := p.Drain; d != nil {
		j.Drain = &jsonDrain{Seconds: seconds(d.D, d.Known), What: d.What, Posn: d.Posn, BeforeStop: d.BeforeStop}
	}
	j.Exit = &jsonMoment{At: seconds(p.Exit.At, p.Exit.Known), Why: p.Exit.Why, Cause: p.Exit.Cause, Posn: p.Exit.Posn}
	return j
}

// seconds is d in seconds, or nil when it is unknown.
func seconds(d time.Duration, known bool) *float64 {
	if !known {
		return nil
	}
	s := d.Seconds()
	return &s
}
