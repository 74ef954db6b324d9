// Run with -sigtermlint.stop-timeout=5s: a 10s deadline does not fit.
package main

import (
	"context"
	"net/http"
	"time"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(ctx) // want `shutdown may take 10s but the stop timeout is 5s \(-sigtermlint.stop-timeout\)`
}
