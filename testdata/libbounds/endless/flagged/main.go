// DefaultHammerTime set from a flag's default within the stop timeout.
package main

//sigtermlint:stop-timeout 30s

import (
	"flag"
	"log"
	"net/http"
	"time"

	"github.com/fvbock/endless"
)

func main() {
	flag.DurationVar(&endless.DefaultHammerTime, "hammer", 20*time.Second, "how long to drain")
	flag.Parse()
	log.Println(endless.ListenAndServe(":8080", http.NotFoundHandler()))
}

// tls shares the package's DefaultHammerTime: the flag's default.
func tls() error {
	return endless.ListenAndServeTLS(":8443", "cert.pem", "key.pem", http.NotFoundHandler())
}
