// This program runs as the worker, whose grace period is 10s.
package main

import (
	"context"
	"net/http"
	"time"
)

//sigtermlint:manifest ../deploy.yaml#worker

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	srv.Shutdown(ctx) // want `shutdown may take 20s but the stop timeout is 10s \(terminationGracePeriodSeconds 10s at .*deploy.yaml:22\): SIGKILL cuts the drain short`
}
