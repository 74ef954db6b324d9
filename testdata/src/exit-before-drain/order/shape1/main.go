// Shape 1: main returns on http.ErrServerClosed after a log line, while
// Shutdown drains in a signal goroutine main never waits for.
package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os/signal"
	"syscall"
	"time"
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
	err := srv.ListenAndServe()
	if errors.Is(err, http.ErrServerClosed) {
		log.Println("server closed")
		return // want `main returns as soon as ListenAndServe returns, mid-drain`
	}
	log.Fatal(err)
}
