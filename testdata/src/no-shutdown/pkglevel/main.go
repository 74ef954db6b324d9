// http.ListenAndServe leaves nothing to call Shutdown on.
package main

import (
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	go http.ListenAndServe(":8080", nil) // want `server started via http.ListenAndServe cannot be shut down gracefully`
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
}
