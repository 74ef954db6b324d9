// The clean twin of bare for this rule: the program handles no signal
// (it stops on a request to /quit), so SIGTERM ends it at once (no-sigterm)
// and no Shutdown runs on it.
package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"time"
)

//sigtermlint:manifest deploy.yaml

func main() {
	quit := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/quit", func(w http.ResponseWriter, r *http.Request) { close(quit) })
	srv := &http.Server{Addr: ":8080", Handler: mux}
	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	<-quit
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		log.Print(err)
	}
}
