// Package server serves server-sent events until told to stop.
package server

import (
	"fmt"
	"net/http"
)

var (
	stopping = make(chan struct{})
	feed     = make(chan string)
)

// Stop ends the streams.
func Stop() { close(stopping) }

// Serve serves the events on addr.
func Serve(addr string) error { // want Serve:`serves\(longest=0s bounded=false known=true by="streams at /events and no WriteTimeout" longlived="streams at /events \(server.go:25\)" complete=true\)`
	mux := http.NewServeMux()
	mux.HandleFunc("/events", events)
	return http.ListenAndServe(addr, mux)
}

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
