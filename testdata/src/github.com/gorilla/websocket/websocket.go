// Package websocket is a stub of github.com/gorilla/websocket: the
// upgrade hijacks the connection, as the real one does.
package websocket

import (
	"net"
	"net/http"
	"time"
)

const (
	TextMessage    = 1
	CloseMessage   = 8
	CloseGoingAway = 1001
)

type Upgrader struct {
	CheckOrigin func(r *http.Request) bool
}

type Conn struct{ c net.Conn }

func (u *Upgrader) Upgrade(w http.ResponseWriter, r *http.Request, h http.Header) (*Conn, error) {
	c, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		return nil, err
	}
	return &Conn{c: c}, nil
}

func (c *Conn) ReadMessage() (int, []byte, error)                         { return 0, nil, nil }
func (c *Conn) WriteMessage(t int, data []byte) error                     { return nil }
func (c *Conn) WriteControl(t int, data []byte, deadline time.Time) error { return nil }
func (c *Conn) Close() error                                              { return c.c.Close() }

func FormatCloseMessage(code int, text string) []byte { return nil }
