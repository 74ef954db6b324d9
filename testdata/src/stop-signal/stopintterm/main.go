// Its image stops it with signal 2 (SIGINT); it handles only SIGTERM.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
)

func main() { // want `the deployment stops this program with SIGINT \(STOPSIGNAL at .*Dockerfile.stopintterm:3\), which it does not handle`
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	<-ctx.Done()
	srv.Shutdown(context.Background())
}
