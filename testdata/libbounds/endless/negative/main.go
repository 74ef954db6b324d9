// A negative DefaultHammerTime never hammers: the drain has no bound.
package main

//sigtermlint:stop-timeout 30s

import (
	"log"
	"net/http"

	"github.com/fvbock/endless"
)

func main() {
	endless.DefaultHammerTime = -1
	log.Println(endless.ListenAndServe(":8080", http.NotFoundHandler())) // want `endless's graceful shutdown has no deadline \(endless\.DefaultHammerTime is negative\): a stuck connection holds the drain until SIGKILL`
}
