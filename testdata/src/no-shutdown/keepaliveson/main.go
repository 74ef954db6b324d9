// Turning keep-alives on stops nothing: the handler just closes the
// listener, and main exits with requests in flight.
package main

import (
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ln, err := net.Listen("tcp", ":8080")
	if err != nil {
		panic(err)
	}
	srv := &http.Server{}
	srv.SetKeepAlivesEnabled(true)
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	go func() {
		<-sigs
		ln.Close()
	}()
	srv.Serve(ln) // want `server started via \(\*http.Server\).Serve is never shut down gracefully`
}
