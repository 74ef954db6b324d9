package longlived

import (
	"fmt"
	"go/token"
	"strings"
)

// Kind is what a handler does that outlives an ordinary request.
type Kind uint8

const (
	// Hijack: the handler takes over the connection (a websocket
	// upgrade, http.Hijacker's Hijack): Shutdown neither closes nor
	// waits for it.
	Hijack Kind = 1 << iota
	// Stream: the handler streams its response (a Flush in a loop, a
	// text/event-stream response): it lasts as long as the stream.
	Stream
	// Blind: a streaming loop that stops only on its request context or
	// never: Shutdown, which does not cancel request contexts, waits for
	// it until its own deadline. Its site's kind is Stream|Blind.
	Blind
	// Body: the handler reads a large request body (a multipart form,
	// io.Copy from the body): slow uploads last as long as the client
	// takes.
	Body
	// CloseSet: the function closes a set of connections it keeps (a
	// range over them calling Close, WriteControl or close(c.send)): a
	// stop path that calls it tells hijacked connections.
	CloseSet
	// flushes: the function flushes a response (http.Flusher's Flush):
	// a loop that calls it streams.
	flushes
)

var kindNames = []struct {
	k    Kind
	name string
}{{Hijack, "hijack"}, {Stream, "stream"}, {Blind, "blind"}, {Body, "body"}, {CloseSet, "closeset"}, {flushes, "flushes"}}

func (k Kind) String() string {
	var names []string
	for _, kn := range kindNames {
		if k&kn.k != 0 {
			names = append(names, kn.name)
		}
	}
	return strings.Join(names, " ")
}

// A Site is where a function does something long-lived.
type Site struct {
	Kind Kind
	// What names it: "(*websocket.Upgrader).Upgrade", "a Flush loop".
	What string
	// At is "file.go:12", the file's base name and line; Pos the same
	// position, valid only in the package whose source holds it (NoPos
	// for a site that comes from a fact).
	At  string
	Pos token.Pos
	// Via names the calls that lead from the function to the site, for
	// a site in a function it calls: "wsutil.Serve".
	Via string
}

// Fact is exported for a function or method that, itself or through
// the functions it calls, does something long-lived. It holds no
// token.Pos: under go vet each package is analyzed in a process of its
// own.
type Fact struct {
	Sites []FactSite
}

// FactSite is a Site without its position.
type FactSite struct {
	Kind          Kind
	What, At, Via string
}

func (*Fact) AFact() {}

func (f *Fact) String() string {
	var parts []string
	for _, s := range f.Sites {
		parts = append(parts, fmt.Sprintf("%s %s@%s", s.Kind, s.What, s.At))
	}
	return "longlived(" + strings.Join(parts, ", ") + ")"
}

// Summary is what a function or literal does that is long-lived: at
// most one site per kind, the nearest.
type Summary struct {
	Sites []Site
}

// Kinds returns the union of the summary's kinds.
func (s *Summary) Kinds() Kind {
	var k Kind
	if s == nil {
		return 0
	}
	for _, site := range s.Sites {
		k |= site.Kind
	}
	return k
}

// Site returns the summary's site of kind k.
func (s *Summary) Site(k Kind) (Site, bool) {
	if s != nil {
		for _, site := range s.Sites {
			if site.Kind&k != 0 {
				return site, true
			}
		}
	}
	return Site{}, false
}

// add records site unless the summary has one of the same kind already
// (a blind loop, Stream|Blind, is kept beside a stream that is told).
func (s *Summary) add(site Site) {
	for _, have := range s.Sites {
		if have.Kind == site.Kind {
			return
		}
	}
	s.Sites = append(s.Sites, site)
}

// fact is what other packages need of the summary. A set of
// connections closed, or a response flushed, matter only one call away
// (the stop path's hub.CloseAll(), a loop's send(w, ev)): only the
// functions that do it themselves carry it, so that facts stay few.
func (s *Summary) fact() *Fact {
	f := &Fact{}
	for _, site := range s.Sites {
		if site.Kind&(CloseSet|flushes) != 0 && site.Via != "" {
			continue
		}
		f.Sites = append(f.Sites, FactSite{Kind: site.Kind, What: site.What, At: site.At, Via: site.Via})
	}
	return f
}

func fromFact(f *Fact) *Summary {
	s := &Summary{}
	for _, fs := range f.Sites {
		s.Sites = append(s.Sites, Site{Kind: fs.Kind, What: fs.What, At: fs.At, Via: fs.Via})
	}
	return s
}
