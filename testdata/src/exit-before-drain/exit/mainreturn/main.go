// main falls off its end when ListenAndServe returns, while Shutdown is
// still draining in its goroutine.
package main

import (
	"context"
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
	if err := srv.ListenAndServe(); err != http.ErrServerClosed { // want `main returns as soon as ListenAndServe returns, mid-drain: the process exits with requests in flight`
		log.Fatal(err)
	}
	log.Print("server stopped")
}
