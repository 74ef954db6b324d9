// Shape 3's twin: the library's drain runs in main's goroutine literal,
// which closes a channel main waits on.
package main

import (
	"errors"
	"log"
	"net/http"
	"time"

	"exit-before-drain/order/shape3lib"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	done := make(chan struct{})
	go func() {
		defer close(done)
		shape3lib.GracefulShutdown(srv, 10*time.Second)
	}()
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
	<-done
}
