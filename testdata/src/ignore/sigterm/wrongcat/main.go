// An ignore of another category leaves the finding reported, and is
// itself reported as suppressing nothing.
package main

import "net/http"

func main() {
	// want +1 `server started via http.ListenAndServe never handles SIGTERM` `this //sigtermlint:ignore suppresses nothing: remove it`
	http.ListenAndServe(":8080", nil) //sigtermlint:ignore sigint-only it handles SIGINT somewhere
}
