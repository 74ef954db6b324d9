// A middleware gives every request a context cancelled on the stop: the
// stream's r.Context() ends with SIGTERM, so Shutdown does not wait for it.
package main

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

var stopping, stop = context.WithCancel(context.Background())

func tellOnStop(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithCancel(r.Context())
		defer cancel()
		go func() {
			select {
			case <-stopping.Done():
				cancel()
			case <-ctx.Done():
			}
		}()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func events(w http.ResponseWriter, r *http.Request) {
	for {
		select {
		case <-r.Context().Done():
			return
		case <-time.After(time.Second):
			fmt.Fprint(w, "data: x\n\n")
			w.(http.Flusher).Flush()
		}
	}
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/events", events)
	srv := &http.Server{Addr: ":8080", Handler: tellOnStop(mux)}
	go srv.ListenAndServe()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	stop()
	srv.Shutdown(ctx)
}
