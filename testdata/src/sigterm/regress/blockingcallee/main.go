// start blocks in ListenAndServe; the handler installed after it is not
// there while the server runs (a sweep finding reported as no-shutdown
// before): no-sigterm.
package main

import (
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func start() {
	http.ListenAndServe(":8080", nil) // want `server started via http.ListenAndServe never handles SIGTERM`
}

func main() {
	start()
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM, os.Interrupt)
	<-c
}
