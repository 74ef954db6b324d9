// Shutdown called through a type parameter's constraint: the type
// argument's methods count as reached at the instantiation.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
)

type stopper interface {
	Shutdown(context.Context) error
}

func stopOnSignal[S stopper](ctx context.Context, s S) {
	<-ctx.Done()
	s.Shutdown(context.Background())
}

func main() {
	srv := &http.Server{Addr: ":8080"}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	go srv.ListenAndServe()
	stopOnSignal(ctx, srv)
}
