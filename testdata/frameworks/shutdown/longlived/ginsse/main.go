// A gin group streams server-sent events until the client disconnects.
// The loop stops only when its request context ends, and Shutdown does
// not cancel request contexts: on SIGTERM Shutdown waits for these
// requests that never finish, its 10s deadline runs out, and main exits
// with the streams still open; the clients are cut off mid-stream.
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
	if err := srv.Shutdown(shutdownCtx); err != nil { // want `streaming requests hold Shutdown`
		log.Print(err)
	}
}
