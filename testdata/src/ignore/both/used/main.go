// One directive naming a category of each analyzer, used by both: each
// analyzer suppresses its own finding on the line.
package main

import (
	"context"
	"net/http"
	"time"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	//sigtermlint:ignore no-sigterm,shutdown-timeout a test harness: it serves once, then shuts down
	errs := []error{srv.ListenAndServe(), srv.Shutdown(ctx)}
	_ = errs
}
