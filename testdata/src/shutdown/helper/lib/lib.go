// Package lib wraps a server the way echo does: Shutdown(ctx) hands its
// context on.
package lib

import (
	"context"
	"net/http"
)

type App struct{ srv *http.Server }

func (a *App) Start() error                       { return a.srv.ListenAndServe() } // want Start:"returnsMidDrain\\(ListenAndServe\\)"
func (a *App) Shutdown(ctx context.Context) error { return a.srv.Shutdown(ctx) }
