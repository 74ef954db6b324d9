// The clean twin of bare with two servers: the admin server (not behind
// the load balancer) stops at once, the public one after a wait for the
// endpoints to go. Which one the Service routes to is not known, so the
// wait counts.
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

//sigtermlint:manifest deploy.yaml

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	admin := &http.Server{Addr: ":9090", Handler: http.NotFoundHandler()}
	srv := &http.Server{Addr: ":8080", Handler: http.NotFoundHandler()}
	for _, s := range []*http.Server{admin, srv} {
		go func() {
			if err := s.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
				log.Fatal(err)
			}
		}()
	}
	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := admin.Shutdown(shutdownCtx); err != nil {
		log.Print(err)
	}
	time.Sleep(5 * time.Second) // the endpoints go
	if err := srv.Shutdown(shutdownCtx); err != nil {
		log.Print(err)
	}
}
