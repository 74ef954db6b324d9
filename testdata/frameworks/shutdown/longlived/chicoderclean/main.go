// Clean twin of chicoder: BaseContext makes the signal context the parent
// of every request context, so on SIGTERM each websocket handler's
// r.Context() ends and the handler sends its client a going-away close
// frame. The handler reads with a context the signal does not end:
// coder/websocket closes the connection without a close frame when the
// context of a pending Read ends, which would race with the goodbye.
package main

import (
	"context"
	"errors"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/coder/websocket"
	"github.com/go-chi/chi/v5"
)

// wsHandler echoes each message back until the client goes away or the
// server stops.
func wsHandler(w http.ResponseWriter, r *http.Request) {
	c, err := websocket.Accept(w, r, nil)
	if err != nil {
		log.Print(err)
		return
	}
	defer c.CloseNow()
	stopGoodbye := context.AfterFunc(r.Context(), func() {
		c.Close(websocket.StatusGoingAway, "server shutting down")
	})
	defer stopGoodbye()
	conn := context.WithoutCancel(r.Context())
	for {
		typ, msg, err := c.Read(conn)
		if err != nil {
			return
		}
		if err := c.Write(conn, typ, msg); err != nil {
			return
		}
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()

	r := chi.NewRouter()
	r.Get("/ws", wsHandler)

	srv := &http.Server{
		Addr:        ":3333",
		Handler:     r,
		BaseContext: func(net.Listener) context.Context { return ctx },
	}
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
