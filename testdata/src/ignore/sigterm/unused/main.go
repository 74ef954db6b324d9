// Ignores that suppress nothing are reported, so that stale ones die.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	// It has a graceful stop now: the ignore is stale.
	/* want "this //sigtermlint:ignore suppresses nothing: remove it" */ //sigtermlint:ignore no-shutdown it used to have no Shutdown
	go srv.ListenAndServe()
	<-ctx.Done()
	srv.Shutdown(context.Background())
}
