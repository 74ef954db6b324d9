// Package shape3lib drains a server on SIGTERM, from a goroutine the
// caller starts.
package shape3lib

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func GracefulShutdown(srv *http.Server, d time.Duration) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	srv.Shutdown(ctx)
}
