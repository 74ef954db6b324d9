// Traps SIGTERM and exits: importing a package whose variables hold a
// Shutdown does not make this program drain.
package main

import (
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"sigterm/regress/initstop/xds"
)

func main() {
	fmt.Println(xds.Version())
	srv := &http.Server{Addr: ":8080"}
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGTERM)
		<-c
		os.Exit(0)
	}()
	srv.ListenAndServe() // want `is never shut down gracefully`
}
