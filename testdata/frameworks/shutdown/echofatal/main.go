// log.Fatal on echo's Start: Start returns http.ErrServerClosed as soon
// as e.Shutdown begins, and the process exits mid-drain.
package main

import (
	"context"
	"log"
	"os/signal"
	"syscall"
	"time"

	"github.com/labstack/echo/v4"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	e := echo.New()
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		e.Shutdown(sctx)
	}()
	log.Fatal(e.Start(":1323")) // want `log.Fatal exits as soon as Shutdown starts \(Start returns http.ErrServerClosed\)`
}
