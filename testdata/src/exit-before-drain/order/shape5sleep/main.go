// Shape 5's twin: the sleep outlasts the drain's deadline (crude, but
// the drain is over when the process exits).
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

var srv = &http.Server{Addr: ":8080"}

func main() {
	go srv.ListenAndServe()
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	c, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	go srv.Shutdown(c)
	time.Sleep(6 * time.Second)
	os.Exit(0)
}
