// Command fataldrain starts Shutdown on SIGTERM, but log.Fatal exits the
// moment ListenAndServe returns http.ErrServerClosed, long before the
// drain ends. sigtermlint reports exit-before-drain and offers the
// errors.Is rewrite.
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
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		srv.Shutdown(shutdownCtx)
	}()
	log.Fatal(srv.ListenAndServe())
}
