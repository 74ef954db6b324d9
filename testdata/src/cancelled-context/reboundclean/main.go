// Clean twins of rebound: the context received from is rebound to a
// timeout that does not derive from the done value (context.Background(),
// context.WithoutCancel), and a cancel called before the context it
// would cancel was made.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

func fresh(ctx context.Context, srv *http.Server) error {
	<-ctx.Done()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(ctx)
}

func detached(ctx context.Context, srv *http.Server) error {
	<-ctx.Done()
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	return srv.Shutdown(ctx)
}

func cancelThenFresh(srv *http.Server) {
	ctx, cancel := context.WithCancel(context.Background())
	_ = ctx
	cancel()
	ctx, cancel = context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	<-ctx.Done()
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
	fresh(ctx, srv)
	detached(ctx, srv)
	cancelThenFresh(srv)
}
