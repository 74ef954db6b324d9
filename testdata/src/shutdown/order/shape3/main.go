// Shape 3: the drain is started by a library function in another
// package; main falls off its end when ListenAndServe returns.
package main

import (
	"errors"
	"log"
	"net/http"
	"time"

	"shutdown/order/shape3lib"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go shape3lib.GracefulShutdown(srv, 10*time.Second)
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) { // want `main returns as soon as ListenAndServe returns, while Shutdown is still draining in another goroutine`
		log.Fatal(err)
	}
}
