// The signal list lives in a package variable: the fix edits it there.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
)

var stopSignals = []os.Signal{os.Interrupt}

func main() {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		srv.ListenAndServe() // want `handles SIGINT, not SIGTERM`
	}()
	c := make(chan os.Signal, 1)
	signal.Notify(c, stopSignals...)
	<-c
	srv.Shutdown(context.Background())
}
