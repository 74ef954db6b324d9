// Command shellform stops gracefully: it traps SIGTERM, drains within 10s
// and exits once the drain is done. But its Dockerfile starts it with a
// shell-form CMD on Debian, whose /bin/sh (dash) runs it as a child and,
// as PID 1, ignores the SIGTERM docker stop sends: the program never hears
// of the stop. sigtermlint reports signal-not-delivered, pointing at the
// Dockerfile line.
package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()

	<-ctx.Done()
	drain, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(drain); err != nil {
		log.Print(err)
	}
}
