// Command api starts the server of another package and never handles
// SIGTERM: sigtermlint reports no-sigterm here, at the call that leads to
// the serve call, naming the chain.
package main

import (
	"context"
	"log"
	"net/http"

	"github.com/sigtermlint/sigtermlint/examples/layered/internal/server"
)

func main() {
	if err := server.Run(context.Background(), ":8080", http.NotFoundHandler()); err != nil {
		log.Fatal(err)
	}
}
