// Package nodeadlinelib stops its server with context.Background(), the
// way fiber's Shutdown() does. Its exported stops are judged where they
// are called (see nodeadlineapp), not here: one report per bug.
package nodeadlinelib

import (
	"context"
	"net/http"
	"time"
)

type App struct{ srv *http.Server }

func New(addr string) *App { return &App{srv: &http.Server{Addr: addr}} }

func (a *App) Start() error { return a.srv.ListenAndServe() } // want Start:"returnsMidDrain\\(ListenAndServe\\) returnsWithServe"

// Shutdown passes context.Background() down: judged at its calls.
func (a *App) Shutdown() error {
	return a.srv.Shutdown(context.Background())
}

// Close runs Shutdown in its own flow: judged at its calls too.
func (a *App) Close() error {
	a.Shutdown()
	return nil
}

// stop is unexported, so no other package calls it: reported here.
func (a *App) stop() {
	a.srv.Shutdown(context.TODO()) // want `Shutdown gets a context without a deadline`
}

// Stop calls stop: the finding is in stop.
func (a *App) Stop() { a.stop() }

// Maybe stops only on one branch: outside its own flow, reported here.
func (a *App) Maybe(now bool) {
	if now {
		a.srv.Shutdown(context.Background()) // want `Shutdown gets a context without a deadline`
	}
}

// Bounded gives its stop a deadline: nothing to report anywhere.
func (a *App) Bounded() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return a.srv.Shutdown(ctx)
}
