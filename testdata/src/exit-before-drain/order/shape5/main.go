// Shape 5: the drain started with go, then main returns or exits.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

var srv = &http.Server{Addr: ":8080"}

func main() {
	go srv.ListenAndServe()
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	c, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if len(os.Args) > 1 {
		go srv.Shutdown(c)
		return // want `main returns while the drain started in a goroutine runs`
	}
	go srv.Shutdown(c)
	time.Sleep(100 * time.Millisecond)
	os.Exit(0) // want `os.Exit exits while the drain started in a goroutine runs`
}
