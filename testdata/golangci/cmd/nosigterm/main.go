// Command nosigterm never handles SIGTERM: the sigterm analyzer reports
// no-sigterm at the serve call.
package main

import (
	"fmt"
	"log"
	"net/http"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "hello")
	})
	log.Fatal(http.ListenAndServe(":8080", nil)) // want `^server started via http.ListenAndServe never handles SIGTERM`
}
