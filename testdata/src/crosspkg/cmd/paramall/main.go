// No signals given: signal.Notify relays all of them.
package main

import (
	"context"

	"crosspkg/internal/server"
	"crosspkg/internal/signals"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	wait := signals.Handler(ctx)
	go func() {
		wait()
		cancel()
	}()
	server.Run(ctx, ":8080")
}
