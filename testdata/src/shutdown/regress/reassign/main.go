// The context received from is reassigned to a fresh bounded one before
// Shutdown (reduced from a real service): clean.
package main

import (
	"context"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func serve(ctx context.Context, l net.Listener) error {
	srv := &http.Server{}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(l) }()

	<-ctx.Done()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		return err
	}
	return <-errc
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	l, err := net.Listen("tcp", ":8080")
	if err != nil {
		panic(err)
	}
	serve(ctx, l)
}
