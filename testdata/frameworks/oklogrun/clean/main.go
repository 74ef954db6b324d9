// An oklog/run group: a signal handler actor for SIGINT and SIGTERM, and
// a server actor whose interrupt shuts the server down.
package main

import (
	"context"
	"log"
	"net"
	"net/http"
	"syscall"
	"time"

	"github.com/oklog/run"
)

func main() {
	var g run.Group
	g.Add(run.SignalHandler(context.Background(), syscall.SIGINT, syscall.SIGTERM))

	ln, err := net.Listen("tcp", ":8080")
	if err != nil {
		log.Fatal(err)
	}
	srv := &http.Server{Handler: http.NotFoundHandler()}
	g.Add(func() error {
		return srv.Serve(ln)
	}, func(error) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	})

	if err := g.Run(); err != nil {
		log.Println("exit:", err)
	}
}
