// echo v5's Start shuts the server down on SIGINT or SIGTERM with 10s
// to drain; StartConfig.Start does it when its context is done, with
// GracefulTimeout (0 means the same 10s).
package main

//sigtermlint:stop-timeout 5s

import (
	"context"
	"os/signal"
	"syscall"
	"time"

	"github.com/labstack/echo/v5"
)

func main() {
	e := echo.New()
	if err := e.Start(":8080"); err != nil { // want `shutdown may take 10s but the stop timeout is 5s`
		e.Logger.Error(err.Error())
	}
}

// configured stops within the stop timeout.
func configured(e *echo.Echo) error {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	sc := echo.StartConfig{Address: ":8080", GracefulTimeout: 3 * time.Second}
	return sc.Start(ctx, e)
}

// zero means echo's default.
func zero(ctx context.Context, e *echo.Echo) error {
	return echo.StartConfig{Address: ":8080", GracefulTimeout: 0}.Start(ctx, e) // want `shutdown may take 10s but the stop timeout is 5s`
}

// longer sets a bound over the stop timeout.
func longer(ctx context.Context, e *echo.Echo) error {
	sc := echo.StartConfig{Address: ":8443", GracefulTimeout: 30 * time.Second}
	return sc.StartTLS(ctx, e, "cert.pem", "key.pem") // want `shutdown may take 30s but the stop timeout is 5s`
}

// unresolved cannot be known: nothing is said.
func unresolved(ctx context.Context, e *echo.Echo, d time.Duration, sc echo.StartConfig) error {
	if err := (echo.StartConfig{Address: ":8080", GracefulTimeout: d}).Start(ctx, e); err != nil {
		return err
	}
	mutated := echo.StartConfig{Address: ":8080"}
	mutated.GracefulTimeout = time.Minute
	if err := mutated.Start(ctx, e); err != nil {
		return err
	}
	return sc.Start(ctx, e)
}
