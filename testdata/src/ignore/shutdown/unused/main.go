// Stale and misdirected ignores of shutdown categories.
package main

import (
	"context"
	"net/http"
	"time"
)

var srv = &http.Server{Addr: ":8080"}

func wrongCategory() {
	ctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
	defer cancel()
	// want +1 `shutdown may take 45s` `this //sigtermlint:ignore suppresses nothing: remove it`
	srv.Shutdown(ctx) //sigtermlint:ignore unbounded-shutdown it has a deadline now
}

func stale() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	// want +1 "this //sigtermlint:ignore suppresses nothing: remove it"
	//sigtermlint:ignore shutdown-timeout it used to wait a minute
	srv.Shutdown(ctx)
}

// Directives of the sigterm analyzer's categories are not the shutdown
// analyzer's business.
//
//sigtermlint:ignore no-sigterm copied from another program
func main() {}
