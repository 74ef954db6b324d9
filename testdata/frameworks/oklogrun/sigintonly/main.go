// The same oklog/run group, with a signal handler actor for os.Interrupt
// only.
package main

import (
	"context"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/oklog/run"
)

func main() {
	var g run.Group
	g.Add(run.SignalHandler(context.Background(), os.Interrupt))

	ln, err := net.Listen("tcp", ":8080")
	if err != nil {
		log.Fatal(err)
	}
	srv := &http.Server{Handler: http.NotFoundHandler()}
	g.Add(func() error {
		return srv.Serve(ln) // want `server started via \(\*http\.Server\)\.Serve handles SIGINT, not SIGTERM`
	}, func(error) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	})

	if err := g.Run(); err != nil {
		log.Println("exit:", err)
	}
}
