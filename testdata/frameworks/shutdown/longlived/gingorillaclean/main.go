// Clean twin of gingorilla: the handler keeps each upgraded connection in
// a hub, and srv.RegisterOnShutdown(hub.closeAll) makes Shutdown start
// closeAll, which sends every client a 1001 going-away close frame and
// closes its connection, so the clients know to reconnect elsewhere.
package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/gorilla/websocket"
)

var upgrader = websocket.Upgrader{ReadBufferSize: 1024, WriteBufferSize: 1024}

// connHub keeps the open websocket connections.
type connHub struct {
	mu    sync.Mutex
	conns map[*websocket.Conn]struct{}
}

func newHub() *connHub {
	return &connHub{conns: make(map[*websocket.Conn]struct{})}
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

// closeAll says goodbye to every client: gorilla/websocket allows
// WriteControl and Close concurrently with the handlers' reads and writes.
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
func (h *connHub) serveWS(c *gin.Context) {
	conn, err := upgrader.Upgrade(c.Writer, c.Request, nil)
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

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()

	hub := newHub()
	r := gin.Default()
	r.GET("/ws", hub.serveWS)

	srv := &http.Server{Addr: ":8080", Handler: r}
	srv.RegisterOnShutdown(hub.closeAll)
	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()

	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		log.Print(err)
	}
}
