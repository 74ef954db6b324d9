// go-clean-template's shape: the errgroup's Wait comes after the drain,
// in the same flow, so it returns once serving and the drain are over.
// Clean.
package main

import (
	"context"
	"errors"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"golang.org/x/sync/errgroup"
)

type server struct {
	srv *http.Server
	eg  errgroup.Group
}

func (s *server) start() {
	s.eg.Go(func() error { return s.srv.ListenAndServe() })
}

func (s *server) shutdown() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := s.srv.Shutdown(ctx)
	if werr := s.eg.Wait(); werr != nil && !errors.Is(werr, http.ErrServerClosed) {
		err = errors.Join(err, werr)
	}
	return err
}

func main() {
	s := &server{srv: &http.Server{Addr: ":8080"}}
	s.start()
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	s.shutdown()
}
