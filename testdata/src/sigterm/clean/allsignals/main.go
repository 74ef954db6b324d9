// signal.Notify with no signals relays all of them, SIGTERM included.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	c := make(chan os.Signal, 1)
	signal.Notify(c)
	<-c
	srv.Shutdown(context.Background())
}
