// The program declares its stop timeout: 20s.
package main

//sigtermlint:stop-timeout 20s

import (
	"context"
	"net/http"
	"time"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	ctx, cancel := context.WithTimeout(context.Background(), 25*time.Second)
	defer cancel()
	srv.Shutdown(ctx) // want `shutdown may take 25s but the stop timeout is 20s \(//sigtermlint:stop-timeout at main.go:4\)`
}
