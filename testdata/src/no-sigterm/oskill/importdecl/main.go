// os in an import declaration of its own, used only by os.Kill: the fix
// deletes that declaration and imports syscall in its place.
package main

import "os"

import (
	"context"
	"net/http"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Kill)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe() // want `never handles SIGTERM`
	<-ctx.Done()
	srv.Shutdown(context.Background())
}
