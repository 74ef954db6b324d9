// fiber v3's Listen shuts the server down when ListenConfig.GracefulContext
// is done, waiting at most ShutdownTimeout: when a ListenConfig is given,
// a zero ShutdownTimeout waits without a deadline (fiber's 10s applies
// only when no ListenConfig is given, and then nothing shuts down).
package main

//sigtermlint:stop-timeout 5s

import (
	"context"
	"os/signal"
	"syscall"
	"time"

	"github.com/gofiber/fiber/v3"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	app := fiber.New()
	app.Listen(":8080", fiber.ListenConfig{GracefulContext: ctx}) // want `fiber's graceful shutdown has no deadline \(ListenConfig\.ShutdownTimeout is 0\): a stuck connection holds the drain until SIGKILL`
}

// configured stops within the stop timeout.
func configured(ctx context.Context, app *fiber.App) error {
	cfg := fiber.ListenConfig{GracefulContext: ctx, ShutdownTimeout: 3 * time.Second}
	return app.Listen(":8080", cfg)
}

// longer sets a bound over the stop timeout.
func longer(ctx context.Context, app *fiber.App) error {
	return app.Listen(":8080", fiber.ListenConfig{GracefulContext: ctx, ShutdownTimeout: 10 * time.Second}) // want `shutdown may take 10s but the stop timeout is 5s`
}

// noGraceful has no GracefulContext: fiber does not shut down at all,
// which is not a bound of the drain.
func noGraceful(app *fiber.App) error {
	if err := app.Listen(":8080"); err != nil {
		return err
	}
	return app.Listen(":8080", fiber.ListenConfig{ShutdownTimeout: time.Minute})
}

// unresolved cannot be known: nothing is said.
func unresolved(ctx context.Context, app *fiber.App, d time.Duration, cfg fiber.ListenConfig) error {
	if err := app.Listen(":8080", fiber.ListenConfig{GracefulContext: ctx, ShutdownTimeout: d}); err != nil {
		return err
	}
	return app.Listen(":8080", cfg)
}
