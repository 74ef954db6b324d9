// A blocking serve in a branch that returns does not cut off the signal
// handling of the other mode: clean.
package main

import (
	"context"
	"flag"
	"log"
	"net/http"
	"os/signal"
	"syscall"
)

func main() {
	healthOnly := flag.Bool("health-only", false, "")
	flag.Parse()
	srv := &http.Server{Addr: ":8080"}
	if *healthOnly {
		log.Print(srv.ListenAndServe())
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	go srv.ListenAndServe()
	<-ctx.Done()
	srv.Shutdown(context.Background())
}
