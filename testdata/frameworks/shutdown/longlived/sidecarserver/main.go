// Two servers stop on SIGTERM. The main one upgrades to gorilla/websocket
// and registers hub.closeAll with RegisterOnShutdown, so Shutdown starts
// sending every client a going-away close frame. The metrics server, on
// its own mux, serves one short JSON handler: nothing on it is hijacked
// or streamed, so its Shutdown drains ordinary requests. Neither is
// reported.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/gorilla/websocket"
)

var upgrader = websocket.Upgrader{ReadBufferSize: 1024, WriteBufferSize: 1024}

// connHub keeps the open websocket connections.
type connHub struct {
	mu    sync.Mutex
	conns map[*websocket.Conn]struct{}
}

func (h *connHub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.conns)
}

func (h *connHub) add(conn *websocket.Conn) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.conns[conn] = struct{}{}
}

func (h *connHub) remove(conn *websocket.Conn) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.conns, conn)
}

// closeAll says goodbye to every client.
func (h *connHub) closeAll() {
	h.mu.Lock()
	defer h.mu.Unlock()
	msg := websocket.FormatCloseMessage(websocket.CloseGoingAway, "server shutting down")
	deadline := time.Now().Add(time.Second)
	for conn := range h.conns {
		if err := conn.WriteControl(websocket.CloseMessage, msg, deadline); err != nil {
			log.Print(err)
		}
		conn.Close()
	}
}

// serveWS echoes each message back until the client goes away.
func (h *connHub) serveWS(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		log.Print(err)
		return
	}
	h.add(conn)
	defer h.remove(conn)
	defer conn.Close()
	for {
		mt, msg, err := conn.ReadMessage()
		if err != nil {
			return
		}
		if err := conn.WriteMessage(mt, msg); err != nil {
			return
		}
	}
}

// metricsHandler reports the number of open websocket connections.
func metricsHandler(hub *connHub) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]int{"websocket_conns": hub.count()})
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()

	hub := &connHub{conns: make(map[*websocket.Conn]struct{})}

	mux := http.NewServeMux()
	mux.HandleFunc("/ws", hub.serveWS)
	srv := &http.Server{Addr: ":8080", Handler: mux}
	srv.RegisterOnShutdown(hub.closeAll)

	metricsMux := http.NewServeMux()
	metricsMux.HandleFunc("/metrics", metricsHandler(hub))
	metricsSrv := &http.Server{Addr: ":9090", Handler: metricsMux}

	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	go func() {
		if err := metricsSrv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()

	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		log.Print(err)
	}
	if err := metricsSrv.Shutdown(shutdownCtx); err != nil {
		log.Print(err)
	}
}
