// Clean twin of ginsse: main closes stopping before it calls Shutdown,
// and the stream loop returns on it, so on SIGTERM every stream ends at
// once, its connection becomes idle, and Shutdown closes it and returns
// well before its deadline.
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

	"github.com/gin-gonic/gin"
)

// feed carries the events to stream; publish fills it.
var feed = make(chan string)

// stopping is closed when the server starts to shut down.
var stopping = make(chan struct{})

func publish() {
	for n := 0; ; n++ {
		feed <- fmt.Sprintf("event %d", n)
		time.Sleep(time.Second)
	}
}

func events(c *gin.Context) {
	for {
		select {
		case <-c.Request.Context().Done():
			return
		case <-stopping:
			return
		case msg := <-feed:
			c.SSEvent("message", msg)
			c.Writer.Flush()
		}
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()

	go publish()

	r := gin.Default()
	api := r.Group("/api")
	api.GET("/events", events)

	srv := &http.Server{Addr: ":8080", Handler: r}
	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()

	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	close(stopping)
	if err := srv.Shutdown(shutdownCtx); err != nil {
		log.Print(err)
	}
}
