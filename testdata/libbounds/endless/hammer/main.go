// endless shuts the server down on SIGINT or SIGTERM and hammers the
// connections still open after DefaultHammerTime, 60s unless set.
package main

//sigtermlint:stop-timeout 30s

import (
	"log"
	"net/http"

	"github.com/fvbock/endless"
)

func main() {
	if err := endless.ListenAndServe(":8080", http.NotFoundHandler()); err != nil { // want `shutdown may take 1m but the stop timeout is 30s`
		log.Println(err)
	}
}

func tls() error {
	srv := endless.NewServer(":8443", http.NotFoundHandler())
	return srv.ListenAndServeTLS("cert.pem", "key.pem") // want `shutdown may take 1m but the stop timeout is 30s`
}
