// The same program bound to the web deployment, whose grace period is 60s.
package main

import (
	"context"
	"net/http"
	"time"
)

//sigtermlint:manifest ../deploy.yaml#web

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
}
