// A library that waits on the context it then gives Shutdown is
// reported there (cancelled-context); its caller is not reported
// unbounded-shutdown for the same context. A library that only hands the
// context on is judged at the call.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"

	"shutdown/helper/waitlib"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	a := &http.Server{Addr: ":8080"}
	b := &http.Server{Addr: ":8081"}
	c := &http.Server{Addr: ":8082"}
	d := &http.Server{Addr: ":8083"}
	waitlib.Start(ctx, b)
	go waitlib.Serve(ctx, c)
	go d.ListenAndServe()
	waitlib.Run(ctx, a)
	waitlib.Stop(context.Background(), d) // want `Stop gets a context without a deadline`
}
