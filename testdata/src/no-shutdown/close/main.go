// Close is not a graceful stop: it drops active connections.
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
	go srv.ListenAndServe() // want `is never shut down gracefully`
	<-ctx.Done()
	srv.Close()
}
