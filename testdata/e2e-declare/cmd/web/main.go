// web is api's twin, deployed as "frontend" (Kubernetes' default 30s
// grace period): the plugins' declared 20s stop fits.
package main

import (
	"net/http"

	"example.com/declare/internal/plugins"
)

//sigtermlint:manifest ../../deploy/k8s.yaml#frontend

func main() {
	srv := &http.Server{Addr: ":8083"}
	plugins.Trap(srv)
	plugins.Serve(srv)
	plugins.Stop(srv)
}
