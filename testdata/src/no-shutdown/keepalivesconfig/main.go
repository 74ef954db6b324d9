// Keep-alives turned off as configuration, with no listener closed: no
// drain. The handler exits with requests in flight.
package main

import (
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	srv.SetKeepAlivesEnabled(false)
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	go func() {
		<-sigs
		os.Exit(0)
	}()
	srv.ListenAndServe() // want `server started via \(\*http.Server\).ListenAndServe is never shut down gracefully`
}
