// Command api serves the API with no signal handling: the serve call is
// in another package, so the report is at the server.Run call here.
package main

import (
	"context"
	"log"

	"example.com/e2e/internal/server"
)

func main() {
	log.Print("api: listening on :8080")
	if err := server.Run(context.Background(), ":8080"); err != nil {
		log.Fatal(err)
	}
}
