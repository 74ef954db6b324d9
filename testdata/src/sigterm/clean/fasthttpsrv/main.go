// fasthttp's Server with Shutdown on SIGTERM.
package main

import (
	"os"
	"os/signal"
	"syscall"

	"github.com/valyala/fasthttp"
)

func main() {
	s := &fasthttp.Server{Handler: func(ctx *fasthttp.RequestCtx) {}}
	go s.ListenAndServe(":8080")
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	s.Shutdown()
}
