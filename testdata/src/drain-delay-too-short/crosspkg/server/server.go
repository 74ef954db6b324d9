// Package server builds and runs the program's HTTP server.
package server

import (
	"context"
	"errors"
	"net/http"
	"time"
)

// Server is the program's HTTP server.
type Server struct{ srv *http.Server }

// New builds the server: uploads may take a minute.
func New() *Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })
	return &Server{srv: &http.Server{Addr: ":8080", Handler: mux, WriteTimeout: time.Minute}}
}

// Run serves until Shutdown.
func (s *Server) Run() error { // want Run:`returnsMidDrain\(ListenAndServe, nil\) returnsWithServe` Run:`serves\(longest=1m0s bounded=true known=true by="WriteTimeout at server.go:18" longlived="" complete=true\)`
	if err := s.srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Shutdown drains the server.
func (s *Server) Shutdown(ctx context.Context) error { return s.srv.Shutdown(ctx) }
