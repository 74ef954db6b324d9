// The os.Kill list is in another package: the finding is the plain
// sigint-only one, without a note and without a fix (there is no golden
// file).
package main

import (
	"context"
	"net/http"

	"no-sigterm/oskill/lib"
)

func main() {
	ctx := lib.Context()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe() // want `handles SIGINT, not SIGTERM: deploys cut off`
	<-ctx.Done()
	srv.Shutdown(context.Background())
}
