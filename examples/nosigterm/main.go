// Command nosigterm is a service that never handles SIGTERM: every deploy
// waits out the orchestrator's stop timeout, then SIGKILL cuts its
// in-flight requests. sigtermlint reports no-sigterm.
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
