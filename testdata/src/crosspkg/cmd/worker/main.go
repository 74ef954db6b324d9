// Signals handled in one package, the server run in another: clean.
package main

import (
	"crosspkg/internal/server"
	"crosspkg/internal/signals"
)

func main() {
	ctx, stop := signals.Context()
	defer stop()
	server.Run(ctx, ":8080")
}
