// os.Interrupt and os.Kill: the program meant SIGTERM, but os.Kill is
// SIGKILL, which cannot be caught. The fix replaces it, and imports
// syscall.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe() // want `server started via \(\*http.Server\).ListenAndServe handles SIGINT, not SIGTERM: deploys cut off its in-flight requests`

	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, os.Kill)
	<-c
	srv.Shutdown(context.Background())
}
