// Command fatal exits as soon as its Shutdown starts (log.Fatal on
// ListenAndServe's http.ErrServerClosed), and that Shutdown has no
// deadline: the exit time is still known, the drain's end is not needed.
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
	srv := &http.Server{Addr: ":8084", ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		time.Sleep(2 * time.Second)
		srv.Shutdown(context.Background())
	}()
	log.Fatal(srv.ListenAndServe())
}
