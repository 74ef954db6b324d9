// Package main holds servers whose longest request each configuration
// allows.
package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/gorilla/websocket"
)

var upgrader = websocket.Upgrader{}

func ws(w http.ResponseWriter, r *http.Request) { upgrader.Upgrade(w, r, nil) }

func upload(w http.ResponseWriter, r *http.Request) {
	f, _ := os.Create("/tmp/upload")
	io.Copy(f, r.Body)
}

func form(w http.ResponseWriter, r *http.Request) { r.ParseMultipartForm(32 << 20) }

func plain(w http.ResponseWriter, r *http.Request) {}

const writeTimeout = 30 * time.Second

func main() {
	ctx := context.Background()

	a := http.NewServeMux()
	a.HandleFunc("/upload", upload)
	a.HandleFunc("/form", form)
	srvA := &http.Server{Handler: a, WriteTimeout: writeTimeout, ReadTimeout: 10 * time.Second}
	srvA.Shutdown(ctx) // want `longest 30s WriteTimeout; complete true; handlers \[/form=body, /upload=body\]`

	b := http.NewServeMux()
	b.HandleFunc("/ws", ws)
	srvB := &http.Server{Handler: b, WriteTimeout: writeTimeout}
	srvB.Shutdown(ctx) // want `longest unbounded; complete true; handlers \[/ws=hijack\]`

	srvC := &http.Server{Handler: http.TimeoutHandler(b, 5*time.Second, "slow")}
	srvC.Shutdown(ctx) // want `longest 5s http.TimeoutHandler; complete true; handlers \[\]`

	c := http.NewServeMux()
	c.HandleFunc("/", plain)
	srvD := &http.Server{Handler: c, ReadHeaderTimeout: 5 * time.Second}
	srvD.Shutdown(ctx) // want `longest unbounded; complete true; handlers \[\]`

	srvE := &http.Server{Handler: c, WriteTimeout: time.Duration(len(os.Args)) * time.Second}
	srvE.Shutdown(ctx) // want `longest unknown WriteTimeout \(not resolved\); complete true; handlers \[\]`

	var srvF http.Server
	srvF.Handler = c
	srvF.WriteTimeout = time.Minute
	srvF.Shutdown(ctx) // want `longest 1m0s WriteTimeout; complete true; handlers \[\]`

	srvG := &http.Server{} // http.DefaultServeMux: any package may register on it
	srvG.Shutdown(ctx)     // want `longest unbounded; complete false; handlers \[\]`
}
