// Package websocket is a stub of golang.org/x/net/websocket.
package websocket

import "net/http"

type Conn struct{}

type Handler func(*Conn)

func (h Handler) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	w.(http.Hijacker).Hijack()
}
