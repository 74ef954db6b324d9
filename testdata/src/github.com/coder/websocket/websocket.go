// Package websocket is a stub of github.com/coder/websocket.
package websocket

import (
	"context"
	"net/http"
)

type StatusCode int

const StatusGoingAway StatusCode = 1001

type AcceptOptions struct{}

type Conn struct{}

func Accept(w http.ResponseWriter, r *http.Request, opts *AcceptOptions) (*Conn, error) {
	hj := w.(http.Hijacker)
	if _, _, err := hj.Hijack(); err != nil {
		return nil, err
	}
	return &Conn{}, nil
}

func (c *Conn) Read(ctx context.Context) (int, []byte, error) { return 0, nil, nil }
func (c *Conn) Close(code StatusCode, reason string) error    { return nil }
func (c *Conn) CloseNow() error                               { return nil }
