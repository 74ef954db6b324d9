// A function-typed field set from exactly one function resolves to it,
// as fx keeps signal.Notify; a package variable set once from a constant
// resolves like the constant.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

var sigTERM = syscall.SIGTERM

type receiver struct {
	notify func(chan<- os.Signal, ...os.Signal)
	ch     chan os.Signal
}

func newReceiver() *receiver {
	return &receiver{notify: signal.Notify, ch: make(chan os.Signal, 1)}
}

func (r *receiver) start() { r.notify(r.ch, os.Interrupt, sigTERM) }

func main() {
	r := newReceiver()
	r.start()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	<-r.ch
	srv.Shutdown(context.Background())
}
