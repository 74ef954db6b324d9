// pushgateway's shape: the drain runs in a goroutine started with go,
// the server is served through a library that returns as soon as
// serving stops, and main falls off its end after a flush.
package main

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"exit-before-drain/order/passlib"
)

func main() {
	logger := slog.Default()
	server := &http.Server{Addr: ":9091"}
	go shutdownServerOnQuit(server, logger)
	err := passlib.ListenAndServe(server, logger) // want `main returns as soon as ListenAndServe returns, mid-drain`
	if err == http.ErrServerClosed {
		logger.Info("HTTP server stopped")
	} else {
		logger.Error("HTTP server stopped", "err", err)
	}
	flush()
}

func shutdownServerOnQuit(server *http.Server, logger *slog.Logger) error {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	<-c
	logger.Info("exiting gracefully")
	return server.Shutdown(context.Background())
}

func flush() {}
