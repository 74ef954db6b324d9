// The signals handed to another package's Notify are given here: os.Kill
// only, replaced at this call.
package main

import (
	"context"
	"net/http"
	"os"

	"no-sigterm/oskill/lib"
)

func main() {
	c := lib.Handler(os.Kill)
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe() // want `never handles SIGTERM`
	<-c
	srv.Shutdown(context.Background())
}
