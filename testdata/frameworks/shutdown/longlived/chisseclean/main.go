// Clean twin of chisse: a middleware ties each request's context to
// streams, and srv.RegisterOnShutdown(cancelStreams) makes Shutdown cancel
// streams first, so on SIGTERM every stream loop sees r.Context() end,
// returns, and Shutdown closes the now idle connections before its
// deadline.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/go-chi/chi/v5"
)

// streams ends when the server starts to shut down.
var streams, cancelStreams = context.WithCancel(context.Background())

// endWith ends each request's context when stop ends.
func endWith(stop context.Context) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx, cancel := context.WithCancel(r.Context())
			defer cancel()
			defer context.AfterFunc(stop, cancel)()
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}

func sse(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	ticker := time.NewTicker(time.Second)
	defer ticker.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-ticker.C:
			fmt.Fprint(w, "data: x\n\n")
			flusher.Flush()
		}
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()

	r := chi.NewRouter()
	r.Use(endWith(streams))
	r.Route("/v1", func(r chi.Router) {
		r.Get("/events", sse)
	})

	srv := &http.Server{Addr: ":3333", Handler: r}
	srv.RegisterOnShutdown(cancelStreams)
	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()

	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		log.Print(err)
	}
}
