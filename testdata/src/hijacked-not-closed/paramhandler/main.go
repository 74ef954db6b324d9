// The handler is a parameter of the function that builds and stops the
// server (tinode's shape, without its session store): followed to what
// main passes.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
	"time"

	"github.com/gorilla/websocket"
)

var upgrader = websocket.Upgrader{}

func serveWS(w http.ResponseWriter, r *http.Request) {
	if conn, err := upgrader.Upgrade(w, r, nil); err == nil {
		conn.Close()
	}
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/chat", serveWS)
	serve(mux)
}

func serve(mux *http.ServeMux) {
	s := &http.Server{Addr: ":8080", Handler: mux, WriteTimeout: 90 * time.Second}
	go s.ListenAndServe()
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	s.Shutdown(sctx) // want "hijacked connections are dropped without a close frame"
}
