// Package shape6lib serves until SIGTERM, then returns as soon as
// ListenAndServe reports http.ErrServerClosed, while its own Shutdown
// goroutine drains.
package shape6lib

import (
	"context"
	"errors"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

func Run(addr string) error { // want Run:"returnsMidDrain\\(ListenAndServe, nil, own\\)"
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: addr}
	go func() {
		<-ctx.Done()
		c, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(c)
	}()
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
