// Declarations that the visible code contradicts.
package main

import (
	"context"
	"net/http"
	"time"
)

// stopSlow declares 5s but gives Shutdown 20s.
//
// want +2 `//sigtermlint:stops-within 5s on stopSlow contradicts its Shutdown at main.go:18, whose deadline is 20s; the declaration is ignored`
//
//sigtermlint:stops-within 5s
func stopSlow(srv *http.Server) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
}

// stopForever declares 10s but gives Shutdown no deadline.
//
// want +2 `//sigtermlint:stops-within 10s on stopForever contradicts its Shutdown at main.go:27, whose context has no deadline; the declaration is ignored`
//
//sigtermlint:stops-within 10s
func stopForever(srv *http.Server) {
	srv.Shutdown(context.Background()) // want `Shutdown gets a context without a deadline`
}

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	stopSlow(srv)
	stopForever(srv)
}
