// golang.org/x/sys/unix imported: the fix uses unix.SIGTERM.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"

	"golang.org/x/sys/unix"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, unix.SIGINT)
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe() // want `handles SIGINT, not SIGTERM`
	<-c
	srv.Shutdown(context.Background())
}
