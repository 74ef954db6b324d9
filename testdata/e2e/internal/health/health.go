// Package health is a non-main library that can start a server of its
// own with no signal handling at all: libraries are never reported, and
// a program that imports it without calling Serve is not either.
package health

import (
	"fmt"
	"net/http"
)

// Status describes the service health.
func Status() string { return "ok" }

// Serve serves the health endpoint on addr until the process dies.
func Serve(addr string) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, Status())
	})
	return http.ListenAndServe(addr, mux)
}
