// The twin: the generic type's constraint names Shutdown too, and main
// handles SIGTERM and stops through it.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

type server interface {
	ListenAndServe() error
	Shutdown(context.Context) error
}

type group[S server] struct{ s S }

func (g *group[S]) start() { go g.s.ListenAndServe() }

func (g *group[S]) stop() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	g.s.Shutdown(ctx)
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	g := &group[*http.Server]{s: &http.Server{Addr: ":8080"}}
	g.start()
	<-ctx.Done()
	g.stop()
}
