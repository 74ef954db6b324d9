// The hub's own loop closes its clients when it is told to stop, and main
// tells it right after Shutdown: the websockets get their close.
package main

import (
	"context"
	"net/http"
	"time"

	"github.com/gorilla/websocket"
)

var upgrader = websocket.Upgrader{}

type hub struct {
	clients map[*websocket.Conn]bool
	join    chan *websocket.Conn
	quit    chan struct{}
}

func (h *hub) run() {
	for {
		select {
		case c := <-h.join:
			h.clients[c] = true
		case <-h.quit:
			for c := range h.clients {
				c.Close()
			}
			return
		}
	}
}

func (h *hub) stop() { close(h.quit) }

func main() {
	h := &hub{clients: map[*websocket.Conn]bool{}, join: make(chan *websocket.Conn), quit: make(chan struct{})}
	go h.run()
	mux := http.NewServeMux()
	mux.HandleFunc("/ws", func(w http.ResponseWriter, r *http.Request) {
		conn, err := upgrader.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		h.join <- conn
	})
	srv := &http.Server{Addr: ":8080", Handler: mux}
	go srv.ListenAndServe()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
	h.stop()
}
