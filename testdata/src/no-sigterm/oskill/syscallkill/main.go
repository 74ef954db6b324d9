// syscall.SIGINT and syscall.SIGKILL: SIGKILL is replaced, syscall is
// imported already.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGINT, syscall.SIGKILL)
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe() // want `handles SIGINT, not SIGTERM: deploys cut off`
	<-c
	srv.Shutdown(context.Background())
}
