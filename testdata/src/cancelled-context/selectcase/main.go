// The Done case of a select is the only way to Shutdown: cancelled.
package main

import (
	"context"
	"log"
	"net/http"
	"time"
)

func run(ctx context.Context) error {
	srv := &http.Server{Addr: ":8080"}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	return srv.Shutdown(sctx) // want `Shutdown gets a context that is already cancelled`
}

func main() {
	log.Fatal(run(context.Background()))
}
