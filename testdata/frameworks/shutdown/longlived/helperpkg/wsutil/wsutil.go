// Package wsutil holds the websocket set-up shared by the module's
// servers: Upgrade hijacks the request's connection, so a server whose
// handler calls it serves connections that Shutdown does not track.
package wsutil

import (
	"net/http"

	"github.com/gorilla/websocket"
)

var upgrader = websocket.Upgrader{
	ReadBufferSize:  4096,
	WriteBufferSize: 4096,
}

// Upgrade turns the request into a websocket connection; on failure it
// has already answered the client.
func Upgrade(w http.ResponseWriter, r *http.Request) (*websocket.Conn, error) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return nil, err
	}
	conn.SetReadLimit(1 << 20)
	return conn, nil
}
