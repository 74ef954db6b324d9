// A drain written by hand, as servers did before Shutdown and endless
// still does: keep-alives off, the listener closed, then wait for the
// open connections.
package main

import (
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

func main() {
	ln, err := net.Listen("tcp", ":8080")
	if err != nil {
		panic(err)
	}
	var conns sync.WaitGroup
	srv := &http.Server{ConnState: func(_ net.Conn, s http.ConnState) {
		switch s {
		case http.StateNew:
			conns.Add(1)
		case http.StateClosed, http.StateHijacked:
			conns.Done()
		}
	}}
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	go func() {
		<-sigs
		srv.SetKeepAlivesEnabled(false)
		ln.Close()
	}()
	srv.Serve(ln)
	conns.Wait()
}
