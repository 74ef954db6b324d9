// Traps SIGTERM and exits: an io.Closer assertion in a handler (promhttp's
// encoder, net.Conn in x/net, a logger) says nothing about a graceful
// stop, and no-shutdown is still reported.
package main

import (
	"io"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func metrics(w http.ResponseWriter, r *http.Request) {
	var enc io.Writer = w
	if c, ok := enc.(io.Closer); ok {
		defer c.Close()
	}
	io.WriteString(enc, "up 1\n")
}

func main() {
	http.HandleFunc("/metrics", metrics)
	srv := &http.Server{Addr: ":8080"}
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGTERM)
		<-c
		os.Exit(0)
	}()
	srv.ListenAndServe() // want `is never shut down gracefully`
}
