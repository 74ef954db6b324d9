// Package server serves until its context is done, then drains.
package server

import (
	"context"
	"errors"
	"net/http"
	"time"
)

// Run serves on addr until ctx is done, waits for the load balancer,
// then gives in-flight requests 20s.
func Run(ctx context.Context, addr string) error {
	srv := &http.Server{Addr: addr, ReadHeaderTimeout: 5 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	time.Sleep(2 * time.Second) // deregistration
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
