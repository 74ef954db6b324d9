// Command noshutdown handles SIGTERM by exiting at once: the requests in
// flight are cut off. sigtermlint reports no-shutdown.
package main

import (
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: 5 * time.Second}

	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		<-sigs
		log.Print("bye")
		os.Exit(0)
	}()

	log.Fatal(srv.ListenAndServe())
}
