// Shutdowns nobody waits for (prometheus/pushgateway): the process ends
// when main returns, whatever the drain does, so an unbounded context
// changes nothing and unbounded-shutdown stays silent; and the twins where
// someone does wait, which are reported.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// Started only with go, returns Shutdown's error to nobody.
func shutdownOnQuit(srv *http.Server, quit <-chan os.Signal) error {
	<-quit
	return srv.Shutdown(context.Background())
}

// Also called synchronously: its caller waits.
func shutdownAndWait(srv *http.Server) error {
	return srv.Shutdown(context.Background()) // want `Shutdown gets a context without a deadline`
}

func main() {
	quit := make(chan os.Signal, 1)
	signal.Notify(quit, syscall.SIGTERM)
	a := &http.Server{Addr: ":8080"}
	go shutdownOnQuit(a, quit)
	a.ListenAndServe()

	b := &http.Server{Addr: ":8081"}
	go func() {
		<-quit
		b.Shutdown(context.Background())
	}()
	b.ListenAndServe()

	c := &http.Server{Addr: ":8082"}
	done := make(chan struct{})
	go func() {
		<-quit
		c.Shutdown(context.Background()) // want `Shutdown gets a context without a deadline`
		close(done)
	}()
	c.ListenAndServe()
	<-done

	d := &http.Server{Addr: ":8083"}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-quit
		d.Shutdown(context.Background()) // want `Shutdown gets a context without a deadline`
	}()
	d.ListenAndServe()
	wg.Wait()

	e := &http.Server{Addr: ":8084"}
	go shutdownAndWait(e)
	shutdownAndWait(e)
}
