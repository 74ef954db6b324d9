// `return newDrainer(srv)` forwards two results into (Stopper, error):
// the conversion of the first is credited.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
)

type Stopper interface {
	Stop(context.Context) error
}

type drainer struct{ srv *http.Server }

func (d *drainer) Stop(ctx context.Context) error { return d.srv.Shutdown(ctx) }

func newDrainer(srv *http.Server) (*drainer, error) { return &drainer{srv: srv}, nil }

func NewStopper(srv *http.Server) (Stopper, error) { return newDrainer(srv) }

func main() {
	srv := &http.Server{Addr: ":8080"}
	st, err := NewStopper(srv)
	if err != nil {
		panic(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	go srv.ListenAndServe()
	<-ctx.Done()
	st.Stop(context.Background())
}
