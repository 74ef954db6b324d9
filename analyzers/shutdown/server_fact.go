package shutdown

import (
	"fmt"
	"go/ast"
	"go/types"
	"path/filepath"
	"time"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/sigtermlint/sigtermlint/internal/longlived"
	"github.com/sigtermlint/sigtermlint/internal/ruledoc"
)

// ServerFact is exported for a function that serves one server the
// package builds (a Run that calls srv.ListenAndServe, e.Start, gin's
// Run), directly or through the functions it calls: what that server
// allows, so that the load balancer rules can judge a serve call in
// package main that reaches it. No positions: places are "file.go:12".
type ServerFact struct {
	// Longest, Bounded, Known: the longest request (longlived.Longest);
	// By says what bounds it, with where ("WriteTimeout at server.go:31").
	Longest        time.Duration
	Bounded, Known bool
	By             string
	// LongLived says what its first long-lived handler does, and where:
	// "hijacked connections (websocket.Upgrade at hub.go:40)"; "" when
	// none.
	LongLived        string
	Hijacks, Streams bool
	Complete         bool
	TimeoutHandler   bool
}

func (*ServerFact) AFact() {}

func (f *ServerFact) String() string {
	return fmt.Sprintf("serves(longest=%v bounded=%v known=%v by=%q longlived=%q complete=%v)", f.Longest, f.Bounded, f.Known, f.By, f.LongLived, f.Complete)
}

// served is the fact's server as the drain rules read it.
func (f *ServerFact) served() served {
	return served{
		longest:   longlived.Longest{D: f.Longest, Bounded: f.Bounded, Known: f.Known, By: f.By},
		longLived: f.LongLived, hijacks: f.Hijacks, streams: f.Streams,
		complete: f.Complete, timeoutHandler: f.TimeoutHandler,
	}
}

// serverFactOf returns the ServerFact of a function: this package's, as
// exportServerFacts computed them, or an imported one.
func (c *checker) serverFactOf(fn *types.Func) (*ServerFact, bool) {
	if fn.Pkg() == c.pass.Pkg {
		f := c.serverFacts[fn]
		return f, f != nil
	}
	f := new(ServerFact)
	return f, c.pass.ImportObjectFact(fn, f)
}

// exportServerFacts exports a ServerFact for each function of a library
// package that serves exactly one server it can follow, directly or
// through calls of functions that have one (this package's, to a fixed
// point, and imported ones), when the fact can matter: the server's
// requests are bounded by a known time, or it serves long-lived ones.
// Only when the load balancer rules are on: without them nothing reads
// the facts.
func (c *checker) exportServerFacts() {
	if c.pass.Pkg.Name() == "main" || !c.cfg.AnyEnabled(ruledoc.DrainDelayTooShort, ruledoc.DrainDelayTooLong) {
		return
	}
	var decls []*ast.FuncDecl
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				decls = append(decls, fd)
			}
		}
	}
	for round := 0; round < 3; round++ {
		changed := false
		for _, fd := range decls {
			fn, _ := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if fn == nil || c.serverFacts[fn] != nil {
				continue
			}
			if f, ok := c.servesOne(fd); ok && (f.Bounded && f.Known || f.LongLived != "") {
				if c.serverFacts == nil {
					c.serverFacts = map[*types.Func]*ServerFact{}
				}
				c.serverFacts[fn] = f
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	for fn, f := range c.serverFacts {
		c.pass.ExportObjectFact(fn, f)
	}
}

// servesOne returns the fact of a function whose serve calls (and calls
// of functions with a fact) all serve one server, the same one.
func (c *checker) servesOne(fd *ast.FuncDecl) (*ServerFact, bool) {
	var found *ServerFact
	one := true
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || !one {
			return one
		}
		fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
		if fn == nil || fn.Pkg() == nil {
			return true
		}
		var f *ServerFact
		if srv, ok := c.serverAtCall(call, fn); ok {
			f = c.factOf(srv)
		} else if g, ok := c.serverFactOf(fn); ok {
			f = g
		} else {
			return true
		}
		if found != nil && *found != *f {
			one = false // two servers: which one a caller means is unknown
			return false
		}
		found = f
		return true
	})
	return found, one && found != nil
}

// factOf summarizes a server of the package for its callers in other
// packages.
func (c *checker) factOf(srv *longlived.Server) *ServerFact {
	s := servedOf(srv)
	l := s.longest
	f := &ServerFact{Longest: l.D, Bounded: l.Bounded, Known: l.Known, By: l.By,
		Hijacks: s.hijacks, Streams: s.streams, Complete: s.complete, TimeoutHandler: s.timeoutHandler}
	if l.Bounded && l.Pos.IsValid() {
		p := c.pass.Fset.Position(l.Pos)
		f.By = fmt.Sprintf("%s at %s:%d", l.By, filepath.Base(p.Filename), p.Line)
	}
	if s.longLived != "" {
		f.LongLived = s.longLived
		if at := s.longLivedAt; at != nil && at.Pos.IsValid() {
			p := c.pass.Fset.Position(at.Pos)
			f.LongLived = fmt.Sprintf("%s (%s:%d)", s.longLived, filepath.Base(p.Filename), p.Line)
		}
	}
	return f
}
