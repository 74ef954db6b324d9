// A list in a variable with os.Kill, SIGTERM appended later: no finding.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	sigs := []os.Signal{os.Kill}
	sigs = append(sigs, syscall.SIGTERM)
	c := make(chan os.Signal, 1)
	signal.Notify(c, sigs...)
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	<-c
	srv.Shutdown(context.Background())
}
