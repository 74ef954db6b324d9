// Its image stops it with SIGQUIT, which it does not handle.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() { // want `the deployment stops this program with SIGQUIT \(STOPSIGNAL at .*Dockerfile.stopquit:8\), which it does not handle: in-flight requests are cut off`
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	<-ctx.Done()
	srv.Shutdown(context.Background())
}
