// api declares nothing itself: the plugins' declarations say it serves,
// handles SIGTERM and stops within 20s; the repository's deployments
// give it 10s (the smaller of two, neither naming it), too short for the
// declared 20s.
package main

import (
	"net/http"

	"example.com/declare/internal/plugins"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	plugins.Trap(srv)
	plugins.Serve(srv)
	plugins.Stop(srv)
}
