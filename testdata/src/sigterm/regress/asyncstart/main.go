// Clean twin of blockingcallee: start serves in a goroutine and returns,
// so the handler after it is installed while the server runs.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
)

var srv = &http.Server{Addr: ":8080"}

func start() { go srv.ListenAndServe() }

func main() {
	start()
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	srv.Shutdown(context.Background())
}
