// Requests may run 60s (WriteTimeout); the ALB in front drains for 5s.
package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

//sigtermlint:manifest deploy.yaml

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	mux := http.NewServeMux()
	mux.HandleFunc("/", hello)
	srv := &http.Server{Addr: ":8080", Handler: mux, WriteTimeout: 60 * time.Second}
	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) { // want `the load balancer drains this server for 5s \(deregistration_delay.timeout_seconds 5s at testdata/src/drain-delay-too-short/writetimeout/deploy.yaml:\d+\) but its WriteTimeout lets requests run 1m: requests still running when the drain ends are cut on every deploy`
			log.Fatal(err)
		}
	}()
	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		log.Print(err)
	}
}

func hello(w http.ResponseWriter, r *http.Request) { w.Write([]byte("hello")) }
