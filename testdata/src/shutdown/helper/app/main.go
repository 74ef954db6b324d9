// A wrapper's Shutdown(ctx) is a Shutdown with that context; its Start
// returns http.ErrServerClosed.
package main

import (
	"context"
	"log"

	"shutdown/helper/lib"
)

func main() {
	a := &lib.App{}
	done := make(chan struct{})
	go func() {
		a.Shutdown(context.Background()) // want `Shutdown gets a context without a deadline`
		close(done)                      // someone may wait for the drain: its bound matters
	}()
	log.Fatal(a.Start()) // want `log.Fatal exits as soon as Shutdown starts \(Start returns http.ErrServerClosed\)`
	<-done
}
