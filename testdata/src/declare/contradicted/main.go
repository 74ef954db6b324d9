// trap declares SIGTERM but visibly handles SIGINT only: the declaration
// is reported and ignored, so the program is sigint-only (the sigterm
// analyzer's finding, checked by its test).
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"time"
)

// trap waits for the stop signal.
//
// want +2 `//sigtermlint:handles on trap says it handles SIGTERM, but the signal handling it reaches handles SIGINT; the declaration is ignored`
//
//sigtermlint:handles SIGTERM
func trap() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	<-c
}

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	trap()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
}
