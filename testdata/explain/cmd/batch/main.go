// Command batch drains through internal/server (2s of sleep and a 20s
// deadline) under a 20s grace period. The lint checks internal/server
// against the default 30s, as it cannot see this program's manifest
// there; the timeline shows the drain ending after SIGKILL.
package main

import (
	"context"
	"log"
	"os/signal"
	"syscall"

	"example.com/explain/internal/server"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	if err := server.Run(ctx, ":8083"); err != nil {
		log.Fatal(err)
	}
}
