// shutdown-timeout findings suppressed in both forms.
package main

import (
	"context"
	"net/http"
	"time"
)

var srv = &http.Server{Addr: ":8080"}

func trailing() {
	ctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
	defer cancel()
	srv.Shutdown(ctx) //sigtermlint:ignore shutdown-timeout the pod spec sets terminationGracePeriodSeconds to 60
}

func above() {
	ctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
	defer cancel()
	//sigtermlint:ignore shutdown-timeout the pod spec sets terminationGracePeriodSeconds to 60
	srv.Shutdown(ctx)
}

func main() {}
