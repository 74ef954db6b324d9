// With -sigtermlint.disable=hijacked-not-closed, only stream-blocks-drain
// is reported at this Shutdown. Run with the switch by TestSwitches.
package main

import (
	"context"
	"net/http"
	"time"

	"github.com/gorilla/websocket"
)

var upgrader = websocket.Upgrader{}

func ws(w http.ResponseWriter, r *http.Request) { upgrader.Upgrade(w, r, nil) }

func events(w http.ResponseWriter, r *http.Request) {
	for {
		select {
		case <-r.Context().Done():
			return
		case <-time.After(time.Second):
			w.(http.Flusher).Flush()
		}
	}
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/ws", ws)
	mux.HandleFunc("/events", events)
	srv := &http.Server{Addr: ":8080", Handler: mux}
	go srv.ListenAndServe()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(ctx) // want "streaming requests hold Shutdown"
}
