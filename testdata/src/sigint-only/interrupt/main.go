// Only os.Interrupt is handled: docker stop and Kubernetes send SIGTERM.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"time"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe() // want `server started via \(\*http.Server\).ListenAndServe handles SIGINT, not SIGTERM: deploys cut off its in-flight requests`

	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	<-c
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
}
