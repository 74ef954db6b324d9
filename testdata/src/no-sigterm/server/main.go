// An *http.Server served in main, no signal handling.
package main

import (
	"log"
	"net/http"
	"time"
)

func main() {
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: 5 * time.Second}
	if err := srv.ListenAndServe(); err != nil { // want `server started via \(\*http.Server\).ListenAndServe never handles SIGTERM`
		log.Fatal(err)
	}
}
