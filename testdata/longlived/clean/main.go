// Command clean serves the same websocket echo endpoint and server-sent
// events stream as stuck, and stops on SIGTERM telling both: the request
// contexts are cancelled when the signal arrives, which ends the event
// stream, and the websocket connections, which Shutdown forgets once they
// are hijacked, are sent a going-away close frame and closed.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/gorilla/websocket"
)

var upgrader websocket.Upgrader

// liveConns is the set of open websocket connections.
type liveConns struct {
	mu      sync.Mutex
	conns   map[*websocket.Conn]struct{}
	closing bool
}

// add puts c in the set. Once the server is going away, c is closed
// instead, and add returns false.
func (l *liveConns) add(c *websocket.Conn) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closing {
		goingAway(c)
		return false
	}
	l.conns[c] = struct{}{}
	return true
}

func (l *liveConns) remove(c *websocket.Conn) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.conns, c)
}

// closeAll closes every connection in the set, and those added later.
func (l *liveConns) closeAll() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.closing = true
	for c := range l.conns {
		goingAway(c)
	}
}

// goingAway sends c a close frame saying the server is going away, and
// closes it.
func goingAway(c *websocket.Conn) {
	msg := websocket.FormatCloseMessage(websocket.CloseGoingAway, "server shutting down")
	if err := c.WriteControl(websocket.CloseMessage, msg, time.Now().Add(time.Second)); err != nil {
		log.Printf("websocket close: %v", err)
	}
	c.Close()
}

var sockets = &liveConns{conns: map[*websocket.Conn]struct{}{}}

// echo sends every message of a websocket connection back.
func echo(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return // Upgrade has replied with the error
	}
	if !sockets.add(conn) {
		return
	}
	defer sockets.remove(conn)
	defer conn.Close()
	for {
		typ, msg, err := conn.ReadMessage()
		if err != nil {
			return
		}
		if err := conn.WriteMessage(typ, msg); err != nil {
			return
		}
	}
}

// events streams a tick every half second until the client goes away or
// the server stops.
func events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	ticker := time.NewTicker(500 * time.Millisecond)
	defer ticker.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-ticker.C:
			fmt.Fprintf(w, "data: tick\n\n")
			flusher.Flush()
		}
	}
}

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()

	mux := http.NewServeMux()
	mux.HandleFunc("/ws", echo)
	mux.HandleFunc("/events", events)
	srv := &http.Server{
		Addr:    *addr,
		Handler: mux,
		// Request contexts are cancelled when the signal arrives: the
		// event stream returns, and Shutdown need not wait for it.
		BaseContext: func(net.Listener) context.Context { return ctx },
	}
	// Shutdown runs this in a goroutine of its own; closed says when the
	// close frames are out, so that the process does not exit first.
	closed := make(chan struct{})
	srv.RegisterOnShutdown(func() {
		sockets.closeAll()
		close(closed)
	})

	ln, err := net.Listen("tcp", srv.Addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("listening on %s\n", ln.Addr())
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatalf("serve: %v", err)
		}
	}()

	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		log.Printf("shutdown: %v", err)
	}
	select {
	case <-closed:
	case <-shutdownCtx.Done():
		log.Printf("websocket close: %v", shutdownCtx.Err())
	}
}
