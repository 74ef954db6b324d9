// Every request ends within 10s; the Ingress sets no delay, so AWS's
// default 300s applies.
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
	srv := &http.Server{Addr: ":8080", Handler: mux, WriteTimeout: 10 * time.Second, ReadTimeout: 5 * time.Second}
	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) { // want `every request ends within 10s \(WriteTimeout\) but the load balancer drains each task for 300s \(the default 300s: Ingress api at testdata/src/drain-delay-too-long/default/deploy.yaml:\d+ sets no deregistration_delay.timeout_seconds\): every deploy waits that out per task for nothing; 10s is enough`
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
