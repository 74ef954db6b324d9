// The signal list is built in a variable, with append and a constant.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

const term = syscall.Signal(15)

func main() {
	sigs := []os.Signal{os.Interrupt}
	sigs = append(sigs, term)
	ctx, stop := signal.NotifyContext(context.Background(), sigs...)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	<-ctx.Done()
	srv.Shutdown(context.Background())
}
