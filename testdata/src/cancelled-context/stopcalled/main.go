// The signal context's stop function ran before Shutdown.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	time.Sleep(time.Minute)
	stop()
	sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	srv.Shutdown(sctx) // want `already cancelled`
}
