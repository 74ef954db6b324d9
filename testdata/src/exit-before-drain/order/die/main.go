// A project's die() in another package is an exit like log.Fatal.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
	"time"

	"exit-before-drain/order/dielib"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}()
	if err := srv.ListenAndServe(); err != nil {
		dielib.Die(err) // want `dielib.Die exits as soon as Shutdown starts \(ListenAndServe returns http.ErrServerClosed\)`
	}
}
