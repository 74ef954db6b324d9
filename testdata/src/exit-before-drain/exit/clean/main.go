// The right shapes: errors.Is(err, http.ErrServerClosed), a main that
// waits for the drain, grpc's err != nil.
package main

import (
	"context"
	"errors"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"google.golang.org/grpc"
)

func serveHTTP(ctx context.Context) {
	srv := &http.Server{Addr: ":8080"}
	done := make(chan struct{})
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
		close(done)
	}()
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
	<-done
}

func serveGRPC() {
	lis, _ := net.Listen("tcp", ":9090")
	s := grpc.NewServer()
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGTERM)
		<-c
		s.GracefulStop()
	}()
	if err := s.Serve(lis); err != nil {
		log.Fatal(err)
	}
}

// Nothing stops this one: exiting on its error is all there is to do.
func metrics() {
	log.Fatal(http.ListenAndServe(":9100", nil))
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	go metrics()
	go serveGRPC()
	serveHTTP(ctx)
}
