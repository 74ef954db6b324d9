package longlived

import (
	"go/token"
	"time"
)

// Longest is the longest request a server allows.
type Longest struct {
	// Bounded: every request ends by D; Known: D is resolved (when
	// Bounded) or the answer is certain (when not).
	D       time.Duration
	Bounded bool
	Known   bool
	// By says what bounds it ("WriteTimeout") or why nothing does.
	By  string
	Pos token.Pos // where By points, or NoPos
}

// Longest returns the longest request the server allows. Hijacked
// connections are never bounded: the upgrade clears the connection's
// deadlines and Shutdown does not track them. http.TimeoutHandler around
// the whole handler ends every request by its duration (its writer can
// neither flush nor hijack). WriteTimeout ends every response by its
// duration, streams included: their writes fail, which cancels their
// request context. ReadTimeout bounds reading the request, body
// included, not the handler; ReadHeaderTimeout only the headers.
func (s *Server) Longest() Longest {
	if h, site, ok := s.Has(Hijack); ok {
		return Longest{Known: true, By: "hijacked connections" + routeNote(h) + " (" + site.What + "): no timeout ends them", Pos: site.Pos}
	}
	bound := func(name string, t Timeout) Longest {
		if !t.Known {
			return Longest{Bounded: true, By: name + " (not resolved)", Pos: t.Expr.Pos()}
		}
		return Longest{D: t.D, Bounded: true, Known: true, By: name, Pos: t.Expr.Pos()}
	}
	switch {
	case s.TimeoutHandler.Set():
		return bound("http.TimeoutHandler", s.TimeoutHandler)
	case s.WriteTimeout.Set():
		return bound("WriteTimeout", s.WriteTimeout)
	}
	if h, site, ok := s.Has(Stream); ok {
		return Longest{Known: true, By: "streams" + routeNote(h) + " and no WriteTimeout", Pos: site.Pos}
	}
	why := "no WriteTimeout or http.TimeoutHandler"
	if s.ReadTimeout.Set() {
		why += " (ReadTimeout bounds reading the request only)"
	}
	return Longest{Known: true, By: why}
}

func routeNote(h Handler) string {
	if h.Route == "" {
		return ""
	}
	return " at " + h.Route
}

// Describe says what a long-lived handler does, for -explain.
func (h Handler) Describe() (string, token.Pos) {
	for _, k := range []struct {
		kind Kind
		say  string
	}{
		{Hijack, "hijacks the connection"},
		{Blind, "streams until its request context ends"},
		{Stream, "streams"},
		{Body, "reads a large body"},
	} {
		if site, ok := h.Summary.Site(k.kind); ok {
			pos := site.Pos
			if !pos.IsValid() {
				pos = h.Ref.Pos()
			}
			return k.say + " (" + site.What + ")", pos
		}
	}
	return "", token.NoPos
}
