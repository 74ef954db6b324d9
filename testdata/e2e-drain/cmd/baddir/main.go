// Command baddir has a malformed directive, which is reported and
// ignored; the rest of the package is still checked.
package main

//sigtermlint:stop-timeout soon

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	srv := &http.Server{Addr: ":8085"}
	go srv.ListenAndServe()
	<-sigs
	srv.Shutdown(context.Background())
}
