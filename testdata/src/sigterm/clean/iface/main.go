// The server is kept behind an interface: the methods of the value
// converted to it count as reached.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
)

type Runner interface {
	Start() error
	Stop(ctx context.Context) error
}

type httpRunner struct{ srv *http.Server }

func (h *httpRunner) Start() error                   { return h.srv.ListenAndServe() }
func (h *httpRunner) Stop(ctx context.Context) error { return h.srv.Shutdown(ctx) }

func main() {
	runners := []Runner{&httpRunner{srv: &http.Server{Addr: ":8080"}}}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	for _, r := range runners {
		go r.Start()
	}
	<-ctx.Done()
	for _, r := range runners {
		r.Stop(context.Background())
	}
}
