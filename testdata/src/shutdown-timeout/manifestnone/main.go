// No Deployment of testdata/manifests/k8s.yaml names this program: the
// smallest budget of them all counts, and the message says so.
package main

import (
	"context"
	"net/http"
	"time"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(ctx) // want `but the stop timeout is 5s \(terminationGracePeriodSeconds 5s at .*k8s.yaml:26; the smallest of 2 deployments, none naming manifestnone\)`
}
