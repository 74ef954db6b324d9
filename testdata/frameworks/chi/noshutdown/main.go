// A chi router served with http.ListenAndServe; SIGTERM only exits.
package main

import (
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"github.com/go-chi/chi/v5"
)

func main() {
	r := chi.NewRouter()
	r.Get("/", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("welcome"))
	})

	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	go func() {
		<-sigs
		log.Println("terminating")
		os.Exit(0)
	}()

	log.Fatal(http.ListenAndServe(":3333", r)) // want `server started via http\.ListenAndServe cannot be shut down gracefully`
}
