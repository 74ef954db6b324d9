// Command generic starts its servers through a generic function and stops
// them through a generic type's method; it handles SIGINT only.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"time"
)

type server interface {
	ListenAndServe() error
	Shutdown(context.Context) error
}

// group stops servers of one type together.
type group[S server] struct{ members []S }

func (g *group[S]) stop(d time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	for _, s := range g.members {
		s.Shutdown(ctx)
	}
}

func start[S server](servers ...S) {
	for _, s := range servers {
		go s.ListenAndServe()
	}
}

func wait[C ~chan E, E any](c C) E { return <-c }

type pair[K comparable, V any] struct {
	key K
	val V
}

func main() {
	a, b := &http.Server{Addr: ":8080"}, &http.Server{Addr: ":8081"}
	g := &group[*http.Server]{members: []*http.Server{a, b}}
	start(a, b)
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	p := pair[string, os.Signal]{"got", wait(c)}
	_ = p
	g.stop(10 * time.Second)
}
