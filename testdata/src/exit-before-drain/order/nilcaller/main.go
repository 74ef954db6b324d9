// gofiber/recipes' graceful-shutdown shape: Listen returns nil at the
// stop, so the goroutine's log.Panic is not reached, and main drains in
// its own flow before it returns. Clean.
package main

import (
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"

	"exit-before-drain/order/nillib"
)

func main() {
	app := &nillib.App{}
	ln, _ := net.Listen("tcp", ":3000")
	go func() {
		if err := app.Listen(ln); err != nil {
			log.Panic(err)
		}
	}()
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	app.Shutdown()
}
