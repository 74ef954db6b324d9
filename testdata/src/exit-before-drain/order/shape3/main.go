// Shape 3: the drain is started by a library function in another
// package; main falls off its end when ListenAndServe returns.
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
	go shape3lib.GracefulShutdown(srv, 10*time.Second)
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) { // want `main returns as soon as ListenAndServe returns, mid-drain`
		log.Fatal(err)
	}
}
