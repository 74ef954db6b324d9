// The list lives in a package variable that two Notify calls use: the
// fix replaces os.Kill there, once.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
)

var stopSignals = []os.Signal{os.Interrupt, os.Kill}

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe() // want `handles SIGINT, not SIGTERM`
	c := make(chan os.Signal, 1)
	signal.Notify(c, stopSignals...)
	done := make(chan os.Signal, 1)
	signal.Notify(done, stopSignals...)
	<-c
	srv.Shutdown(context.Background())
	<-done
}
