// Package main registers handlers in the ways ServerOf follows.
package main

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/gorilla/websocket"
)

var upgrader = websocket.Upgrader{}

type wsHandler struct{}

func (wsHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) { upgrader.Upgrade(w, r, nil) }

func sse(w http.ResponseWriter, r *http.Request) {
	for {
		select {
		case <-r.Context().Done():
			return
		case <-time.After(time.Second):
			fmt.Fprint(w, "data: x\n\n")
			w.(http.Flusher).Flush()
		}
	}
}

func logged(h http.Handler) http.Handler { return h }

func register(mux *http.ServeMux) {
	mux.Handle("/obj", wsHandler{})
}

func routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("/wrapped", logged(http.HandlerFunc(sse)))
	register(mux)
	return mux
}

type external interface{ Routes() http.Handler }

func main() {
	ctx := context.Background()
	srv := &http.Server{Handler: routes()}
	srv.Shutdown(ctx) // want `longest unbounded; complete true; handlers \[/obj=hijack, /wrapped=stream blind flushes\]`

	var e external
	other := &http.Server{Handler: e.Routes()}
	other.Shutdown(ctx) // want `longest unbounded; complete false; handlers \[\]`

	servers := map[string]*http.Server{"a": {}}
	servers["a"].Shutdown(ctx) // want `not followed`
}
