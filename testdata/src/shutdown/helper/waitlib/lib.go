// Package waitlib serves until its context is done, then shuts down with
// that same context: it is already cancelled there, and that is the
// finding, here. A caller passing a context without a deadline changes
// nothing: Shutdown gets it only once it is done.
package waitlib

import (
	"context"
	"net/http"
)

// Run waits on ctx in its own flow.
func Run(ctx context.Context, srv *http.Server) error {
	go srv.ListenAndServe()
	<-ctx.Done()
	return srv.Shutdown(ctx) // want `Shutdown gets a context that is already cancelled`
}

// Start waits on ctx in a goroutine of its own.
func Start(ctx context.Context, srv *http.Server) {
	go func() {
		<-ctx.Done()
		srv.Shutdown(ctx) // want `Shutdown gets a context that is already cancelled`
	}()
	go srv.ListenAndServe()
}

// Serve waits on ctx or on the server's failure.
func Serve(ctx context.Context, srv *http.Server) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	return srv.Shutdown(ctx) // want `Shutdown gets a context that is already cancelled`
}

// Stop waits on nothing: its caller's context is Shutdown's.
func Stop(ctx context.Context, srv *http.Server) error {
	return srv.Shutdown(ctx)
}
