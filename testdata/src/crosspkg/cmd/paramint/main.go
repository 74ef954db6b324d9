// The signals handed to another package's Notify are the ones given here:
// os.Interrupt only, fixed at this call.
package main

import (
	"context"
	"os"

	"crosspkg/internal/server"
	"crosspkg/internal/signals"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	wait := signals.Handler(ctx, os.Interrupt)
	go func() {
		wait()
		cancel()
	}()
	server.Run(ctx, ":8080") // want `handles SIGINT, not SIGTERM`
}
