// A directive naming a category of each analyzer, where only the
// shutdown part suppresses something: the sigterm analyzer reports its
// part.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
	defer cancel()
	// want +1 "this //sigtermlint:ignore suppresses nothing for no-shutdown: remove no-shutdown from it"
	//sigtermlint:ignore no-shutdown,shutdown-timeout the pod spec sets terminationGracePeriodSeconds to 60
	srv.Shutdown(sctx)
}
