// Two servers: public serves http.DefaultServeMux, where the websocket
// is registered with http.HandleFunc; admin serves its own mux, with
// nothing long-lived. Only public's Shutdown leaves websockets to be
// cut (admin's mux.HandleFunc is not a registration on the default mux).
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

func main() {
	http.HandleFunc("/ws", ws)
	public := &http.Server{Addr: ":8080"}
	mux := http.NewServeMux()
	mux.HandleFunc("/status", func(w http.ResponseWriter, r *http.Request) {})
	admin := &http.Server{Addr: ":8081", Handler: mux}
	go public.ListenAndServe()
	go admin.ListenAndServe()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	public.Shutdown(ctx) // want "hijacked connections are dropped without a close frame"
	admin.Shutdown(ctx)
}
