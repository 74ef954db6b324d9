// A no-sigterm finding suppressed by a trailing directive.
package main

import "net/http"

func main() {
	http.ListenAndServe(":8080", nil) //sigtermlint:ignore no-sigterm the platform runs it as a batch job, never stopped mid-request
}
