// Package rpc holds a server and a client. Its compile-time check
// `var _ transport.Server = (*Server)(nil)` starts nothing at
// initialization.
package rpc

import (
	"context"
	"net"
	"net/http"

	"sigterm/regress/ifacecheck/transport"
)

var _ transport.Server = (*Server)(nil)

type Server struct {
	srv *http.Server
	lis net.Listener
}

func (s *Server) Start(context.Context) error    { return s.srv.Serve(s.lis) }
func (s *Server) Stop(ctx context.Context) error { return s.srv.Shutdown(ctx) }

func Get(url string) (*http.Response, error) { return http.Get(url) }
