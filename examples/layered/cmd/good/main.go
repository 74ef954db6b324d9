// Command good is the right shape: the context is cancelled on SIGTERM
// (and SIGINT), and the server drains within its deadline. sigtermlint
// reports nothing.
package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"github.com/sigtermlint/sigtermlint/examples/layered/internal/server"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := server.Run(ctx, ":8080", http.NotFoundHandler()); err != nil {
		log.Fatal(err)
	}
}
