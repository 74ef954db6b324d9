// Closing every connection is something an admin handler does on
// request, not the stop: on SIGTERM the websockets are still cut without
// a close frame.
package main

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

var (
	upgrader = websocket.Upgrader{}
	mu       sync.Mutex
	conns    = map[*websocket.Conn]bool{}
)

func closeAll() {
	mu.Lock()
	defer mu.Unlock()
	for c := range conns {
		c.Close()
	}
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/ws", func(w http.ResponseWriter, r *http.Request) {
		conn, err := upgrader.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		mu.Lock()
		conns[conn] = true
		mu.Unlock()
	})
	mux.HandleFunc("/admin/kick", func(w http.ResponseWriter, r *http.Request) { closeAll() })
	srv := &http.Server{Addr: ":8080", Handler: mux}
	go srv.ListenAndServe()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(ctx) // want "hijacked connections are dropped without a close frame"
}
