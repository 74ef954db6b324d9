// Clean twin of fibershutdown: ShutdownWithTimeout bounds the drain, and
// a Shutdown() nobody waits for changes nothing.
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
	admin := fiber.New()
	go func() {
		<-ctx.Done()
		admin.Shutdown()
	}()
	go admin.Listen(":3001")
	go func() {
		if err := app.Listen(":3000"); err != nil {
			log.Print(err)
		}
	}()
	<-ctx.Done()
	app.ShutdownWithTimeout(10 * time.Second)
}
