// Command bad does not type-check: the linter must say so and exit 1.
package main

import "net/http"

func main() {
	var port int = "8080"
	http.ListenAndServe(port, nil)
}
