// zoekt's shape: the serve error is assigned in either branch of an if;
// at the stop it is http.ErrServerClosed whichever branch ran, so the
// log.Fatalf is not reached, and main drains in its own flow. Clean.
package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		var err error
		if len(os.Args) > 1 {
			err = srv.ListenAndServeTLS("cert.pem", "key.pem")
		} else {
			err = srv.ListenAndServe()
		}
		if err != http.ErrServerClosed {
			log.Fatalf("ListenAndServe: %v", err)
		}
	}()
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
}
