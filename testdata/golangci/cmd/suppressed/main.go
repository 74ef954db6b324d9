// Command suppressed never handles SIGTERM either, but its finding is
// suppressed for golangci-lint with a //nolint:sigtermlint directive.
// (analysistest ignores //nolint and still expects the diagnostic.)
package main

import (
	"log"
	"net/http"
)

func main() {
	log.Fatal(http.ListenAndServe(":8081", nil)) //nolint:sigtermlint // want `^server started via http.ListenAndServe never handles SIGTERM`
}
