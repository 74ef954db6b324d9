// A server started with the package-level http.ListenAndServe and no
// signal handling at all.
package main

import (
	"log"
	"net/http"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {})
	log.Fatal(http.ListenAndServe(":8080", nil)) // want `server started via http.ListenAndServe never handles SIGTERM: deploys cut off its in-flight requests`
}
