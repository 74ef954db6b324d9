// Stops of every kind, for the analyzer's Result: each function's stop
// is described in TestResult.
package result

import (
	"context"
	"net/http"
	"os"
	"time"
)

var srv, admin = &http.Server{}, &http.Server{}

func known(sigs chan os.Signal) {
	<-sigs
	time.Sleep(2 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
}

func sequential() {
	ctx1, cancel1 := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel1()
	admin.Shutdown(ctx1)
	ctx2, cancel2 := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel2()
	srv.Shutdown(ctx2)
}

func unbounded() {
	srv.Shutdown(context.Background()) // want `Shutdown gets a context without a deadline`
}

func fromParameter(ctx context.Context) {
	srv.Shutdown(ctx)
}

func unknownDeadline(d time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	srv.Shutdown(ctx)
}

func unknownSleep(d time.Duration) {
	time.Sleep(d)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
}

func cancelled(ctx context.Context) {
	<-ctx.Done()
	time.Sleep(time.Second)
	srv.Shutdown(ctx) // want `Shutdown gets a context that is already cancelled`
}
