// Run with -sigtermlint.manifests=testdata/manifests/k8s.yaml: its
// Deployment "manifest" leaves the program 20s (25s of grace minus a 5s
// preStop sleep); the other Deployment, 5s, runs another program.
package main

import (
	"context"
	"net/http"
	"time"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	ctx, cancel := context.WithTimeout(context.Background(), 22*time.Second)
	defer cancel()
	srv.Shutdown(ctx) // want `shutdown may take 22s but the stop timeout is 20s \(terminationGracePeriodSeconds 25s at .*k8s.yaml:10 minus preStop sleep 5s at .*k8s.yaml:15\): SIGKILL cuts the drain short`
}
