// SIGTERM is handled by exiting: in-flight requests are cut off.
package main

import (
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		<-c
		os.Exit(0)
	}()
	srv := &http.Server{Addr: ":8080"}
	srv.ListenAndServe() // want `server started via \(\*http.Server\).ListenAndServe is never shut down gracefully: SIGTERM cuts off its in-flight requests`
}
