// Package broken does not type-check.
package broken

import "net/http"

// Serve starts a server on a port that is not a string.
func Serve() error {
	return http.ListenAndServe(8080, nil)
}
