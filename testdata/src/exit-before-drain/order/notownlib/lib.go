// Package notownlib wraps a server whose Serve returns as soon as any
// Shutdown of it starts (like fiber's Listen): it returns mid-drain, but
// the drain is not its own.
package notownlib

import (
	"context"
	"net/http"
)

type App struct{ srv *http.Server }

func (a *App) Listen() error { return a.srv.ListenAndServe() } // want Listen:"returnsMidDrain\\(ListenAndServe\\)"

func (a *App) Shutdown(ctx context.Context) error { return a.srv.Shutdown(ctx) }
