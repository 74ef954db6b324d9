// Two lists: SIGINT in one, os.Kill in the other. Each gets one edit: the
// SIGINT list gains SIGTERM, os.Kill becomes SIGTERM. Two servers, one
// finding each, with the same fix.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	k := make(chan os.Signal, 1)
	signal.Notify(k, os.Kill)
	srv := &http.Server{Addr: ":8080"}
	admin := &http.Server{Addr: ":9090"}
	go srv.ListenAndServe()   // want `handles SIGINT, not SIGTERM`
	go admin.ListenAndServe() // want `handles SIGINT, not SIGTERM`
	select {
	case <-c:
	case <-k:
	}
	srv.Shutdown(context.Background())
	admin.Shutdown(context.Background())
	_ = syscall.Getpid
}
