// A chat hub closes the connections of the clients that leave, in a
// goroutine of its own: nothing closes them on the stop, so they are cut
// without a close frame.
package main

import (
	"context"
	"errors"
	"github.com/gorilla/websocket"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	mux := http.NewServeMux()
	mux.HandleFunc("/ws", serveWS)
	srv := &http.Server{Addr: ":8080", Handler: mux}
	go hub.run()
	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil { // want "hijacked connections are dropped without a close frame on every stop: Shutdown neither closes nor waits for them"
		log.Print(err)
	}
}

var upgrader = websocket.Upgrader{}

func serveWS(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &client{conn: conn, send: make(chan []byte)}
	hub.leave <- c
	defer conn.Close()
	for {
		if _, _, err := conn.ReadMessage(); err != nil {
			return
		}
	}
}

type client struct {
	conn *websocket.Conn
	send chan []byte
}

type chatHub struct {
	clients map[*client]bool
	leave   chan *client
	all     chan []byte
}

var hub = &chatHub{clients: map[*client]bool{}, leave: make(chan *client), all: make(chan []byte)}

func (h *chatHub) run() {
	for {
		select {
		case c := <-h.leave:
			delete(h.clients, c)
		case msg := <-h.all:
			for c := range h.clients {
				select {
				case c.send <- msg:
				default:
					close(c.send)
					delete(h.clients, c)
				}
			}
		}
	}
}
