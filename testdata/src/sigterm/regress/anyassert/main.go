// Components kept as `any` and stopped through an assertion to an
// interface with a Shutdown method: what is stopped cannot be known, so
// no-shutdown stays silent.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
)

type web struct{ srv *http.Server }

func (w *web) Shutdown(ctx context.Context) error { return w.srv.Shutdown(ctx) }

func main() {
	w := &web{srv: &http.Server{Addr: ":8080"}}
	components := []any{w}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	go w.srv.ListenAndServe()
	<-ctx.Done()
	for _, c := range components {
		if s, ok := c.(interface{ Shutdown(context.Context) error }); ok {
			s.Shutdown(context.Background())
		}
	}
}
