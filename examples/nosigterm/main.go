// Command nosigterm is a service that never handles SIGTERM: the Go
// runtime ends it the moment the orchestrator sends SIGTERM (even as PID 1
// in a container), so every deploy cuts its in-flight requests.
// sigtermlint reports no-sigterm.
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
