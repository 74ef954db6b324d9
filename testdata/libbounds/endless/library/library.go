// Package library starts endless outside package main, where main (or
// any package of the program) may set DefaultHammerTime: nothing is said.
package library

import (
	"net/http"

	"github.com/fvbock/endless"
)

// Serve serves until a signal.
func Serve() error { return endless.ListenAndServe(":8080", http.NotFoundHandler()) }
