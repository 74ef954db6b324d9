// main falls off its end both when the drain starts and when serving
// fails: reported, but a wait there would hang a failed start forever, so
// no fix is offered.
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
	err := srv.ListenAndServe() // want `main returns as soon as ListenAndServe returns, mid-drain`
	log.Print(err)
}
