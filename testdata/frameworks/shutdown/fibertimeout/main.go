// fiber's ShutdownWithTimeout(d) bounds the drain with d: 5s of waiting
// for the load balancer plus 30s is over the 30s stop timeout; 20s alone
// fits.
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
		if err := app.Listen(":3000"); err != nil {
			log.Print(err)
		}
	}()
	<-ctx.Done()
	admin.ShutdownWithTimeout(20 * time.Second)
	time.Sleep(5 * time.Second)
	app.ShutdownWithTimeout(30 * time.Second) // want `shutdown may take 55s but the stop timeout is 30s`
}
