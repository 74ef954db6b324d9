// log.Fatal on ListenAndServe's error exits as soon as Shutdown starts.
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
	log.Fatal(srv.ListenAndServe()) // want `log.Fatal exits as soon as Shutdown starts \(ListenAndServe returns http.ErrServerClosed\): in-flight requests are cut off`
}
