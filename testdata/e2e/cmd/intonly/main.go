// Command intonly was written for a terminal: it stops on Ctrl-C
// (os.Interrupt) but not on SIGTERM.
package main

import (
	"context"
	"log"
	"os"
	"os/signal"

	"example.com/e2e/internal/server"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	go func() {
		<-c
		cancel()
	}()
	if err := server.Run(ctx, ":8081"); err != nil {
		log.Fatal(err)
	}
}
