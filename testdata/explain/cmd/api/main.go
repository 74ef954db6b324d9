// Command api handles SIGTERM and drains through internal/server: 5s of
// preStop, 2s of sleep and a 20s deadline fit in the 30s grace period.
package main

import (
	"context"
	"log"
	"os/signal"
	"syscall"

	"example.com/explain/internal/server"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	if err := server.Run(ctx, ":8080"); err != nil {
		log.Fatal(err)
	}
}
