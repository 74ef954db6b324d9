// Package xds keeps a server factory in a package variable: its
// initialization stops nothing either.
package xds

import (
	"context"
	"net"
	"net/http"
)

type server interface {
	Serve(net.Listener) error
	Shutdown(context.Context) error
}

var newServer = func() server { return &http.Server{} }

func NewServer() server { return newServer() }

func Version() string { return "1.0" }
