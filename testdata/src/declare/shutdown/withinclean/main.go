// stopAll declares a 20s graceful stop, inside the default 30s; its own
// Shutdown deadline fits in the declaration.
package main

import (
	"context"
	"net/http"
	"time"
)

var stops []func()

// stopAll runs the stop hooks a framework registered, then the server's.
//
//sigtermlint:stops-within 20s
func stopAll(srv *http.Server) {
	for _, s := range stops {
		s()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
}

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	stopAll(srv)
}
