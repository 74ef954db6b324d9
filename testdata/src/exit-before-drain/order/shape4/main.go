// Shape 4: errgroup. The drain runs in a plain goroutine inside g.Go, so
// Wait returns when ListenAndServe does, not when the drain ends.
package main

import (
	"context"
	"log"
	"net/http"
	"os/signal"
	"syscall"
	"time"

	"golang.org/x/sync/errgroup"
)

func main() {
	if err := run(); err != nil {
		log.Print(err)
	}
}

func run() error {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		go func() {
			<-ctx.Done()
			c, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			srv.Shutdown(c)
		}()
		return srv.ListenAndServe()
	})
	return g.Wait() // want `run returns as soon as g.Wait returns, mid-drain, then main exits`
}
