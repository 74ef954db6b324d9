// A middleware that only adds a deadline to the request's own context
// tells nothing of the stop: the stream still holds Shutdown.
package main

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

func withLimit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), time.Hour)
		defer cancel()
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
	srv := &http.Server{Addr: ":8080", Handler: withLimit(mux)}
	go srv.ListenAndServe()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(ctx) // want "streaming requests hold Shutdown for its whole 10s deadline"
}
