// syscall imported under another name: the fix uses it.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	sys "syscall"
)

var _ = sys.Getpid

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, os.Kill)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe() // want `handles SIGINT, not SIGTERM`
	<-ctx.Done()
	srv.Shutdown(context.Background())
}
