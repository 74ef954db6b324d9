// A handler that loops and flushes a buffer of its own, not the
// response: it does not stream, and Shutdown waits for nothing long.
package main

import (
	"context"
	"net/http"
	"time"
)

type batcher struct{ n int }

func (b *batcher) Add(int) { b.n++ }
func (b *batcher) Flush()  { b.n = 0 }

func ingest(w http.ResponseWriter, r *http.Request) {
	b := &batcher{}
	for {
		select {
		case <-r.Context().Done():
			return
		case <-time.After(time.Millisecond):
		}
		b.Add(1)
		b.Flush() // not the response's: with it counted, this loop would be a blind stream
	}
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/ingest", ingest)
	srv := &http.Server{Addr: ":8080", Handler: mux}
	go srv.ListenAndServe()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
}
