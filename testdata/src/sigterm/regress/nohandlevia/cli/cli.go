// Package cli starts two servers: a *http.Server (short chain) and a
// package-level http.ListenAndServe (longer chain); it traps SIGTERM and
// returns without Shutdown.
package cli

import (
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func metrics() error { return (&http.Server{Addr: ":9090"}).ListenAndServe() }

func app() error { return http.ListenAndServe(":8080", nil) }

func router() error { return app() }

func Run() {
	go metrics()
	go router()
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	<-c
}
