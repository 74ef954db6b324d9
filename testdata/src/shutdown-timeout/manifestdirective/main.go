// The directive beats the manifests: 1m, and 10s fits.
package main

//sigtermlint:stop-timeout 1m

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
	srv.Shutdown(ctx)
}
