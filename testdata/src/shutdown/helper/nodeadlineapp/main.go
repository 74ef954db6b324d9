// The calls of a library's stops without a deadline are judged here,
// once: where nobody waits for one (the last statement of a goroutine
// that reports nothing back), nothing is said.
package main

import (
	"os"
	"os/signal"
	"syscall"

	"shutdown/helper/nodeadlinelib"
)

func main() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	a := nodeadlinelib.New(":8080")
	b := nodeadlinelib.New(":8081")
	c := nodeadlinelib.New(":8082")
	d := nodeadlinelib.New(":8083")
	e := nodeadlinelib.New(":8084")
	go a.Start()
	go b.Start()
	go c.Start()
	go d.Start()
	go func() {
		<-sigs
		e.Shutdown() // nobody waits for it
	}()
	go e.Start()
	<-sigs
	defer d.Shutdown() // want `d.Shutdown drains with a context without a deadline: a stuck connection holds the drain until SIGKILL`
	a.Shutdown()       // want `a.Shutdown drains with a context without a deadline`
	b.Close()          // want `b.Close drains with a context without a deadline`
	c.Stop()
	c.Bounded()
	c.Maybe(true)
}
