// fiber v2's Shutdown() passes context.Background() to its
// ShutdownWithContext: no deadline, judged at the call.
package main

import (
	"context"
	"log"
	"os/signal"
	"syscall"

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
	if err := app.Shutdown(); err != nil { // want `app.Shutdown drains with a context without a deadline: a stuck connection holds the drain until SIGKILL`
		log.Print(err)
	}
}
