// Package signals gives the context cancelled on SIGTERM or SIGINT.
package signals

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func Context() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// InterruptOnly is what a program written for a terminal handles.
func InterruptOnly() context.Context {
	ctx, _ := signal.NotifyContext(context.Background(), os.Interrupt)
	return ctx
}

// Handler hands the signals it is given to signal.Notify, as oklog/run's
// SignalHandler does.
func Handler(ctx context.Context, sigs ...os.Signal) func() error {
	return func() error {
		c := make(chan os.Signal, 1)
		signal.Notify(c, sigs...)
		select {
		case <-c:
		case <-ctx.Done():
		}
		return nil
	}
}
