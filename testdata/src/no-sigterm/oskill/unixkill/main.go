// golang.org/x/sys/unix imported and unix.SIGKILL only: the fix uses
// unix.SIGTERM.
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
	signal.Notify(c, unix.SIGKILL)
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe() // want `never handles SIGTERM: deploys cut off`
	<-c
	srv.Shutdown(context.Background())
}
