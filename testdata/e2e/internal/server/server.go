// Package server runs an HTTP server until ctx is done, then drains it.
// It is a library: it starts a server but is never reported itself.
package server

import (
	"context"
	"errors"
	"net/http"
	"time"
)

// Run serves on addr until ctx is done, then shuts the server down
// gracefully.
func Run(ctx context.Context, addr string) error {
	srv := &http.Server{Addr: addr, Handler: http.NotFoundHandler()}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	select {
	case err := <-errc:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(sctx)
}
