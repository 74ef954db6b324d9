// Contexts without a deadline, and their clean twins.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

type key struct{}

func background(srv *http.Server) { srv.Shutdown(context.Background()) } // want `Shutdown gets a context without a deadline: a stuck connection holds the drain until SIGKILL`

func todo(srv *http.Server) { srv.Shutdown(context.TODO()) } // want `without a deadline`

func valued(srv *http.Server) {
	ctx := context.WithValue(context.Background(), key{}, "v")
	srv.Shutdown(ctx) // want `without a deadline`
}

func cancelOnly(srv *http.Server) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv.Shutdown(ctx) // want `without a deadline`
}

// Clean: a deadline; a parameter whose origin is not known here.
func bounded(srv *http.Server) {
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(10*time.Second))
	defer cancel()
	srv.Shutdown(ctx)
}

func param(ctx context.Context, srv *http.Server) { srv.Shutdown(ctx) }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	<-ctx.Done()
	background(srv)
	todo(srv)
	valued(srv)
	cancelOnly(srv)
	bounded(srv)
	pctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	param(pctx, srv)
	param(context.Background(), srv) // want `param gets a context without a deadline`
}
