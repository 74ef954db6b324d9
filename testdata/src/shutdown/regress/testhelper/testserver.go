// Package testhelper starts a server for a test and stops it in
// t.Cleanup (a fixture in a non-_test.go file, as a real project has):
// no deployed process runs it, no report.
package testhelper

import (
	"context"
	"errors"
	"net"
	"net/http"
	"testing"
)

func Start(t *testing.T, l net.Listener, h http.Handler) {
	srv := &http.Server{Handler: h}
	go func() {
		if err := srv.Serve(l); err != nil && !errors.Is(err, http.ErrServerClosed) {
			t.Error(err)
		}
	}()
	t.Cleanup(func() {
		if err := srv.Shutdown(context.TODO()); err != nil {
			t.Errorf("shutdown: %v", err)
		}
	})
}
