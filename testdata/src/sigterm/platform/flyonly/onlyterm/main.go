// The only deployment file is a fly.toml of an app with another name and
// no kill_signal: fly stops it with SIGINT, which it does not handle.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
)

func main() { // want `the deployment stops this program with SIGINT \(no kill_signal in .*manifests/flyonly/fly.toml:3, so fly's default; the only deployment, which does not name onlyterm\), which it does not handle`
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	<-ctx.Done()
	srv.Shutdown(context.Background())
}
