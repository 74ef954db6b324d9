// Package lib handles os.Interrupt and os.Kill in its own list, out of
// package main's reach for a fix.
package lib

import (
	"context"
	"os"
	"os/signal"
)

func Context() context.Context {
	ctx, _ := signal.NotifyContext(context.Background(), os.Interrupt, os.Kill)
	return ctx
}

// Handler hands the signals it is given to signal.Notify, as oklog/run's
// SignalHandler does.
func Handler(sigs ...os.Signal) <-chan os.Signal {
	c := make(chan os.Signal, 1)
	signal.Notify(c, sigs...)
	return c
}
