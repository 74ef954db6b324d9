// Command nosigterm never handles SIGTERM: the Go runtime ends it the moment
// it arrives (PID 1 in a container too), so every deploy cuts its in-flight
// requests. sigtermlint reports no-sigterm.
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
	log.Fatal(http.ListenAndServe(":8080", nil))
}
