// Package passlib serves the way exporter-toolkit's web.ListenAndServe
// does: in an errgroup, returning as soon as the serve call returns.
package passlib

import (
	"log/slog"
	"net/http"

	"golang.org/x/sync/errgroup"
)

func ListenAndServe(srv *http.Server, logger *slog.Logger) error { // want ListenAndServe:"returnsWithServe"
	var g errgroup.Group
	g.Go(func() error {
		logger.Info("serving")
		return srv.ListenAndServe()
	})
	return g.Wait()
}
