// Package server runs the HTTP server until ctx is done, then drains it.
// It is a library: it starts a server but gets no report.
package server

import (
	"context"
	"net/http"
	"time"
)

func Run(ctx context.Context, addr string) error {
	srv := &http.Server{Addr: addr}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(sctx)
}
