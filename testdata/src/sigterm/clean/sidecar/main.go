// A pprof side server started with http.ListenAndServe gets no
// no-shutdown report when the main server is shut down gracefully.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
)

func main() {
	go http.ListenAndServe("localhost:6060", nil)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	<-ctx.Done()
	srv.Shutdown(context.Background())
}
