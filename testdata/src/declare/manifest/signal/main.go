// Bound to the compose service "jobs", which stops it with SIGQUIT: the
// program handles SIGTERM and SIGINT only.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

//sigtermlint:manifest ../compose.yaml#jobs

func main() { // want `the deployment stops this program with SIGQUIT \(stop_signal at .*compose.yaml:6\), which it does not handle`
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	srv.Shutdown(shutdownCtx)
}
