// grpc's GracefulStop, on the real module: bounded by a Stop after 10s,
// and with nothing to cut it.
package main

import (
	"context"
	"log"
	"net"
	"os/signal"
	"syscall"
	"time"

	"google.golang.org/grpc"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	lis, err := net.Listen("tcp", ":50051")
	if err != nil {
		log.Fatal(err)
	}
	adminLis, err := net.Listen("tcp", ":50052")
	if err != nil {
		log.Fatal(err)
	}
	s := grpc.NewServer()
	admin := grpc.NewServer()
	go s.Serve(lis)
	go admin.Serve(adminLis)
	<-ctx.Done()
	t := time.AfterFunc(10*time.Second, s.Stop)
	defer t.Stop()
	s.GracefulStop()
	admin.GracefulStop() // want `GracefulStop has no deadline and nothing calls Stop after a timeout`
}
