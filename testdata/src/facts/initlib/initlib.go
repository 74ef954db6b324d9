// Package initlib handles signals at initialization. // want package:`reach\(sigterm\)`
package initlib

import (
	"os"
	"os/signal"
	"syscall"
)

var ch = make(chan os.Signal, 1)

func init() { signal.Notify(ch, syscall.SIGTERM) }
