// Package autosig traps signals in its package initialization, as
// go-zero's core/proc does: importing it is enough.
package autosig

import (
	"os"
	"os/signal"
	"syscall"
)

var Done = make(chan struct{})

func init() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	go func() {
		<-c
		close(Done)
	}()
}
