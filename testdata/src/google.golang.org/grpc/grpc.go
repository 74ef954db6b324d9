// Package grpc is a stub of google.golang.org/grpc with the surface the
// tests use.
package grpc

import "net"

type Server struct{}

type ServerOption interface{}

func NewServer(...ServerOption) *Server { return &Server{} }

func (s *Server) Serve(lis net.Listener) error { return nil }
func (s *Server) GracefulStop()                {}
func (s *Server) Stop()                        {}
