// hijacked-not-closed and stream-blocks-drain findings suppressed, one
// on the line above and one at the end of the line; the unused one is
// a bad-directive.
package main

import (
	"context"
	"net/http"
	"time"

	"github.com/gorilla/websocket"
)

var upgrader = websocket.Upgrader{}

func ws(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	conn.Close()
}

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
	//sigtermlint:ignore hijacked-not-closed the clients reconnect on 1006 and the load balancer drains them for 5m first
	srv.Shutdown(ctx) //sigtermlint:ignore stream-blocks-drain the event streams end within the deadline by design

	other := &http.Server{Addr: ":8081"}
	// want +1 "this //sigtermlint:ignore suppresses nothing: remove it"
	other.Shutdown(ctx) //sigtermlint:ignore stream-blocks-drain nothing streams here
}
