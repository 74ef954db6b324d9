// trap visibly handles SIGINT, and a supervisor it talks to handles
// SIGTERM for it: the declaration adds what the code does not show, and
// holds.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"time"
)

var supervisor = map[string]func(chan<- os.Signal){}

// trap waits for the stop signal.
//
//sigtermlint:handles SIGTERM,SIGINT
func trap() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	supervisor["forward"](c)
	<-c
}

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	trap()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
}
