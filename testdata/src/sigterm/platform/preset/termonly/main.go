// Run with -sigtermlint.platform=fly and no manifest: fly stops it with
// SIGINT, which it does not handle.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
)

func main() { // want `the deployment stops this program with SIGINT \(-sigtermlint.platform=fly default\), which it does not handle: in-flight requests are cut off`
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	<-ctx.Done()
	srv.Shutdown(context.Background())
}
