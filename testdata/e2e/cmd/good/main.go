// Command good stops gracefully on SIGTERM: clean.
package main

import (
	"context"
	"log"
	"os"
	"os/signal"
	"syscall"

	"example.com/e2e/internal/server"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := server.Run(ctx, ":8080"); err != nil {
		log.Fatal(err)
	}
}
