// An imported package's initialization handles SIGTERM.
package main

import (
	"context"

	"crosspkg/internal/autosig"
	"crosspkg/internal/server"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-autosig.Done
		cancel()
	}()
	server.Run(ctx, ":8080")
}
