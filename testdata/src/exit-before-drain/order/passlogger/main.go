// Two servers share a logger: the drain of one says nothing of the
// other, served through the library. Clean for exit order.
package main

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"exit-before-drain/order/passlib"
)

func main() {
	logger := slog.Default()
	admin := &http.Server{Addr: ":9092"}
	go shutdownOnSignal(admin, logger)
	go admin.ListenAndServe()
	public := &http.Server{Addr: ":9091"}
	passlib.ListenAndServe(public, logger)
}

func shutdownOnSignal(server *http.Server, logger *slog.Logger) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	logger.Info("exiting gracefully")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	server.Shutdown(ctx)
}
