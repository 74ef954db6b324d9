// The websocket handler calls wsutil.Upgrade, a helper in another package
// of the module, which hijacks the connection with gorilla/websocket. The
// server tells those connections nothing: on SIGTERM Shutdown returns
// without waiting for them, main returns, and every client sees its
// connection cut (close code 1006) instead of a close frame.
package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"frameworks/shutdown/longlived/helperpkg/wsutil"
)

// chat echoes each message back until the client goes away.
func chat(w http.ResponseWriter, r *http.Request) {
	conn, err := wsutil.Upgrade(w, r)
	if err != nil {
		log.Print(err)
		return
	}
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

	mux := http.NewServeMux()
	mux.HandleFunc("/chat", chat)

	srv := &http.Server{Addr: ":8080", Handler: mux}
	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()

	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil { // want `hijacked connections are dropped without a close frame`
		log.Print(err)
	}
}
