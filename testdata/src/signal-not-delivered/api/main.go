// A correct program: it handles SIGTERM and drains. Whether the signal
// reaches it depends on how its image starts it (TestDelivery runs it
// with several Dockerfiles).
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

func main() { // want `SIGTERM never reaches this program, run under a shell that stays PID 1 \(.*Dockerfile:6\): docker stop waits 10s, then kills it mid-request`
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	srv.Shutdown(sctx)
}
