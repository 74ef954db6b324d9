// Clean: WithoutCancel breaks the chain, a fresh Background deadline, a
// Done received in another function, a Done on only one path.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

func detached(ctx context.Context, srv *http.Server) {
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	srv.Shutdown(sctx)
}

func fresh(ctx context.Context, srv *http.Server) {
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(sctx)
}

func wait(ctx context.Context) { <-ctx.Done() }

func elsewhere(ctx context.Context, srv *http.Server) {
	wait(ctx)
	sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	srv.Shutdown(sctx)
}

func onePath(ctx context.Context, srv *http.Server, errc chan error) {
	select {
	case <-ctx.Done():
	case <-errc:
	}
	sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	srv.Shutdown(sctx)
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	detached(ctx, srv)
	fresh(ctx, srv)
	elsewhere(ctx, srv)
	onePath(ctx, srv, nil)
}
