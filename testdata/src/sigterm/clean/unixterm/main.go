// SIGTERM through golang.org/x/sys/unix.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"

	"golang.org/x/sys/unix"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	c := make(chan os.Signal, 1)
	signal.Notify(c, unix.SIGTERM)
	<-c
	srv.Shutdown(context.Background())
}
