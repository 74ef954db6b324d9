// fiber's ShutdownWithContext with a context that has no deadline, and
// one that is already cancelled.
package main

import (
	"context"
	"log"
	"os/signal"
	"syscall"
	"time"

	"github.com/gofiber/fiber/v2"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	app := fiber.New()
	go func() {
		if err := app.Listen(":3000"); err != nil {
			log.Print(err)
		}
	}()
	<-ctx.Done()
	app.ShutdownWithContext(context.TODO()) // want `ShutdownWithContext gets a context without a deadline`
	sctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	app.ShutdownWithContext(sctx) // want `ShutdownWithContext gets a context that is already cancelled`
}
