// worker serves through the plugins but handles no signal.
package main

import (
	"net/http"

	"example.com/declare/internal/plugins"
)

func main() {
	srv := &http.Server{Addr: ":8081"}
	plugins.Serve(srv)
}
