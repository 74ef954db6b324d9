// A type whose ServeHTTP hands the request to a ServeMux field its
// constructor fills (coder/websocket's chat example): the mux's routes
// are the server's.
package main

import (
	"context"
	"net/http"
	"time"

	"github.com/coder/websocket"
)

type chatServer struct {
	serveMux http.ServeMux
}

func newChatServer() *chatServer {
	cs := &chatServer{}
	cs.serveMux.HandleFunc("/subscribe", cs.subscribe)
	return cs
}

func (cs *chatServer) subscribe(w http.ResponseWriter, r *http.Request) {
	c, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	defer c.CloseNow()
	for {
		if _, _, err := c.Read(r.Context()); err != nil {
			return
		}
	}
}

func (cs *chatServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	cs.serveMux.ServeHTTP(w, r)
}

func main() {
	s := &http.Server{Addr: ":8080", Handler: newChatServer()}
	go s.ListenAndServe()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	s.Shutdown(ctx) // want "hijacked connections are dropped without a close frame"
}
