// Reduced from a real service (a sweep false positive): the server drains
// in its Close method and is handed to a signal helper as an io.Closer.
// A value converted to a standard interface may be stopped through it:
// clean.
package main

import (
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

type server struct{ mux *http.Server }

func (s *server) Run() error { return s.mux.ListenAndServe() }

func (s *server) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	return s.mux.Shutdown(ctx)
}

func notifyShutdown(c io.Closer, done chan<- struct{}) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	<-sig
	c.Close()
	close(done)
}

func main() {
	s := &server{mux: &http.Server{Addr: ":8080"}}
	done := make(chan struct{})
	go notifyShutdown(s, done)
	if err := s.Run(); !errors.Is(err, http.ErrServerClosed) {
		panic(err)
	}
	<-done
}
