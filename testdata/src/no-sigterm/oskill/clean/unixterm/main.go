// unix.SIGKILL next to unix.SIGTERM: no finding.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"

	"golang.org/x/sys/unix"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, unix.SIGKILL, unix.SIGTERM)
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	<-c
	srv.Shutdown(context.Background())
}
