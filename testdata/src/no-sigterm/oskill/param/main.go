// The list is handed to a helper of package main: os.Kill is replaced at
// the call that gives it.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
)

func notify(sigs ...os.Signal) <-chan os.Signal {
	c := make(chan os.Signal, 1)
	signal.Notify(c, sigs...)
	return c
}

func main() {
	c := notify(os.Interrupt, os.Kill)
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe() // want `handles SIGINT, not SIGTERM`
	<-c
	srv.Shutdown(context.Background())
}
