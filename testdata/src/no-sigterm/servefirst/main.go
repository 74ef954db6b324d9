// Signal handling installed only after a blocking Serve in main is not
// there while the server runs.
package main

import (
	"context"
	"net"
	"net/http"
	"os/signal"
	"syscall"
)

func main() {
	lis, _ := net.Listen("tcp", ":8080")
	srv := &http.Server{}
	srv.Serve(lis) // want `server started via \(\*http.Server\).Serve never handles SIGTERM`

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	srv.Shutdown(context.Background())
}
