// Its image stops it with SIGQUIT, which it does not handle.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() { // want `the deployment stops this program with SIGQUIT \(STOPSIGNAL at .*Dockerfile.stopquit:8\), which it does not handle \(it handles SIGTERM, SIGINT\): the Go runtime exits at once on SIGQUIT and cuts off its in-flight requests`
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	<-ctx.Done()
	srv.Shutdown(context.Background())
}
