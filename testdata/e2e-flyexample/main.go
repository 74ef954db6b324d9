// Command tunnel handles only SIGINT (jpillora/chisel's shape). Its
// example/fly.toml deploys a demo with kill_signal SIGINT; that file is
// not the program's deployment, so sigint-only is still reported.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	<-ctx.Done()
	drain, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	srv.Shutdown(drain)
}
