// Run with -sigtermlint.platform=docker: docker stop waits 10s.
package main

import (
	"context"
	"net/http"
	"time"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	srv.Shutdown(ctx) // want `shutdown may take 15s but the stop timeout is 10s \(-sigtermlint.platform=docker: docker stop -t, docker run --stop-timeout, STOPSIGNAL\)`
}
