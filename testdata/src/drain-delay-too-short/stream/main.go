// A server-sent events stream that nothing bounds, behind a Copilot
// service that drains for 5s.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

//sigtermlint:manifest copilot/api/manifest.yml

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	mux := http.NewServeMux()
	mux.HandleFunc("/events", events)
	srv := &http.Server{Addr: ":8080", Handler: mux}
	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) { // want `the load balancer drains this server for only 5s \(http.deregistration_delay 5s at testdata/src/drain-delay-too-short/stream/copilot/api/manifest.yml:5\) but it serves streams at /events that nothing bounds: they are cut on every deploy`
			log.Fatal(err)
		}
	}()
	<-ctx.Done()
	close(stopping)
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		log.Print(err)
	}
}

func hello(w http.ResponseWriter, r *http.Request) { w.Write([]byte("hello")) }

var stopping = make(chan struct{})

var feed = make(chan string)

func events(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/event-stream")
	flusher := w.(http.Flusher)
	for {
		select {
		case <-r.Context().Done():
			return
		case <-stopping:
			return
		case ev := <-feed:
			fmt.Fprintf(w, "data: %s\n\n", ev)
			flusher.Flush()
		}
	}
}
