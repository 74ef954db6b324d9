// DefaultHammerTime set from the environment: nothing is said.
package main

//sigtermlint:stop-timeout 30s

import (
	"log"
	"net/http"
	"os"
	"time"

	"github.com/fvbock/endless"
)

func main() {
	if d, err := time.ParseDuration(os.Getenv("HAMMER_TIME")); err == nil {
		endless.DefaultHammerTime = d
	}
	log.Println(endless.ListenAndServe(":8080", http.NotFoundHandler()))
}
