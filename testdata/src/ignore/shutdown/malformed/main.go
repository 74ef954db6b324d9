// Malformed directives are reported as bad-directive and suppress
// nothing.
package main

import (
	"context"
	"net/http"
	"time"
)

var srv = &http.Server{Addr: ":8080"}

func noReason() {
	ctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
	defer cancel()
	// want +1 `//sigtermlint:ignore needs a reason: say why the finding does not apply`
	//sigtermlint:ignore shutdown-timeout
	srv.Shutdown(ctx) // want `shutdown may take 45s`
}

func unknown() {
	// want +1 `//sigtermlint:ignore names unknown category "shutdown-timout": the categories are no-sigterm, sigint-only, no-shutdown, stop-signal, signal-not-delivered, exit-before-drain, cancelled-context, unbounded-shutdown, shutdown-timeout`
	//sigtermlint:ignore unbounded-shutdown,shutdown-timout the drain is bounded by the load balancer
	srv.Shutdown(context.Background()) // want `Shutdown gets a context without a deadline`
}

// want +1 `//sigtermlint:ignore needs a category and a reason: //sigtermlint:ignore CATEGORY\[,CATEGORY\] reason`
//sigtermlint:ignore

// want +1 `//sigtermlint:ignore has an empty category in "unbounded-shutdown,": separate categories with commas and no spaces`
//sigtermlint:ignore unbounded-shutdown, shutdown-timeout both are fine here

// want +1 `//sigtermlint:ignore cannot ignore bad-directive: fix or remove the directive that is reported`
//sigtermlint:ignore bad-directive the directive below is fine

// A longer word is an unknown directive (a typo); with a space after the
// slashes it is not a directive at all.
// want +1 `unknown directive //sigtermlint:ignored: the directives are`
//sigtermlint:ignored no-sigterm
// sigtermlint:ignore no-sigterm

func main() {}
