// The server is built and served in another package (its WriteTimeout is
// a minute); the ALB in front drains for 5s.
package main

import (
	"context"
	"log"
	"os/signal"
	"syscall"
	"time"

	"drain-delay-too-short/crosspkg/server"
)

//sigtermlint:manifest deploy.yaml

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	s := server.New()
	go func() {
		if err := s.Run(); err != nil { // want `the load balancer drains this server for 5s \(deregistration_delay.timeout_seconds 5s at testdata/src/drain-delay-too-short/crosspkg/deploy.yaml:\d+\) but its WriteTimeout at server.go:18 lets requests run 1m: requests still running when the drain ends are cut on every deploy`
			log.Fatal(err)
		}
	}()
	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.Shutdown(shutdownCtx); err != nil {
		log.Print(err)
	}
}
