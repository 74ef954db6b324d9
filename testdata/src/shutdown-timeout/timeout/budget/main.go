// Shutdown budgets against the default 30s stop timeout.
package main

import (
	"context"
	"flag"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"shutdown-timeout/timeout/timeouts"
)

var srv = &http.Server{Addr: ":8080"}

func equal() {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	srv.Shutdown(ctx) // want `shutdown may take 30s but the stop timeout is 30s: SIGKILL cuts the drain short`
}

func under() {
	ctx, cancel := context.WithTimeout(context.Background(), 25*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
}

func sleepFirst(sigs chan os.Signal) {
	<-sigs
	time.Sleep(10 * time.Second) // let the load balancer deregister us
	ctx, cancel := context.WithTimeout(context.Background(), 25*time.Second)
	defer cancel()
	srv.Shutdown(ctx) // want `shutdown may take 35s but the stop timeout is 30s`
}

var admin = &http.Server{Addr: ":9000"}

func sequential() {
	ctx1, cancel1 := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel1()
	admin.Shutdown(ctx1)
	ctx2, cancel2 := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel2()
	srv.Shutdown(ctx2) // want `shutdown may take 30s`
}

func shared() {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	admin.Shutdown(ctx)
	srv.Shutdown(ctx)
}

func otherPackage() {
	ctx, cancel := context.WithTimeout(context.Background(), timeouts.Drain)
	defer cancel()
	srv.Shutdown(ctx) // want `shutdown may take 45s`
}

var grace = flag.Duration("grace", 40*time.Second, "how long to drain")

func fromFlag() {
	ctx, cancel := context.WithTimeout(context.Background(), *grace)
	defer cancel()
	srv.Shutdown(ctx) // want `shutdown may take 40s`
}

var drainVar time.Duration

func init() { flag.DurationVar(&drainVar, "drain", time.Minute, "drain") }

func fromFlagVar() {
	ctx, cancel := context.WithTimeout(context.Background(), drainVar)
	defer cancel()
	srv.Shutdown(ctx) // want `shutdown may take 1m`
}

func unknown(d time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	srv.Shutdown(ctx)
}

func main() {
	flag.Parse()
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	go srv.ListenAndServe()
	equal()
	under()
	sleepFirst(sigs)
	sequential()
	shared()
	otherPackage()
	fromFlag()
	fromFlagVar()
	unknown(time.Second)
}
