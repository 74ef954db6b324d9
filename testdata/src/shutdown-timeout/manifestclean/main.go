// The same 22s drain, clean when the manifest is not read, or when the
// flag (1m) or a directive overrides it.
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
	srv.Shutdown(ctx)
}
