// gin's c.Stream calls the step function in a loop and flushes after
// each call until it returns false or the client goes away. The step
// returns false only when the request context ends, which Shutdown does
// not do: on SIGTERM Shutdown waits for the tick streams until its 10s
// deadline, then main exits and the clients are cut off mid-stream.
package main

import (
	"context"
	"errors"
	"io"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/gin-gonic/gin"
)

func ticks(c *gin.Context) {
	ticker := time.NewTicker(time.Second)
	defer ticker.Stop()
	c.Stream(func(w io.Writer) bool {
		select {
		case <-c.Request.Context().Done():
			return false
		case t := <-ticker.C:
			c.SSEvent("tick", t.String())
			return true
		}
	})
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()

	r := gin.Default()
	r.GET("/ticks", ticks)

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
