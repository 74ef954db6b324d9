// Only os.Kill: nothing is handled at all. The fix replaces os.Kill by
// syscall.SIGTERM, imports syscall, and drops the import of os, unused
// then.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Kill)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe() // want `server started via \(\*http.Server\).ListenAndServe never handles SIGTERM: deploys cut off its in-flight requests`
	<-ctx.Done()
	srv.Shutdown(context.Background())
}
