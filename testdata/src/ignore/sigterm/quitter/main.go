// Its image stops it with SIGQUIT, which it does not handle: the
// stop-signal finding at main's name is suppressed from the line above.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
)

//sigtermlint:ignore stop-signal the Go runtime's SIGQUIT stack dump is what we want before the restart
func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	<-ctx.Done()
	srv.Shutdown(context.Background())
}
