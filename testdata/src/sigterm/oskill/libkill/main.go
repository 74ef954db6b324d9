// The os.Kill list is in another package: the finding is the plain
// sigint-only one, without a note and without a fix (there is no golden
// file).
package main

import (
	"context"
	"net/http"

	"sigterm/oskill/lib"
)

func main() {
	ctx := lib.Context()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe() // want `handles SIGINT but not SIGTERM, the signal orchestrators send: the Go runtime exits`
	<-ctx.Done()
	srv.Shutdown(context.Background())
}
