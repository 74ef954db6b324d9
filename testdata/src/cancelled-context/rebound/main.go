// The context received from is rebound to a timeout derived from itself:
// the new value derives from the done one, so it is cancelled too.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

// serve rebinds its parameter after waiting on it.
func serve(ctx context.Context, srv *http.Server) error {
	go srv.ListenAndServe()
	<-ctx.Done()
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	return srv.Shutdown(ctx) // want `Shutdown gets a context that is already cancelled: it returns at once and drains nothing`
}

// cancelThenRebind cancels the context, then derives the next one from it.
func cancelThenRebind(srv *http.Server) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ctx, cancel = context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	srv.Shutdown(ctx) // want `Shutdown gets a context that is already cancelled`
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	<-ctx.Done()
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	srv.Shutdown(ctx) // want `Shutdown gets a context that is already cancelled`
	serve(ctx, srv)
	cancelThenRebind(srv)
}
