// Shape 3: the drain is started by a library function in another
// package; main falls off its end when ListenAndServe returns.
package main

import (
	"errors"
	"log"
	"net/http"
	"time"

	"e2eorder/internal/drain"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go drain.GracefulShutdown(srv, 10*time.Second)
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}
