// grpc with GracefulStop on SIGTERM.
package main

import (
	"net"
	"os"
	"os/signal"
	"syscall"

	"google.golang.org/grpc"
)

func main() {
	lis, _ := net.Listen("tcp", ":9090")
	s := grpc.NewServer()
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGTERM)
		<-c
		s.GracefulStop()
	}()
	s.Serve(lis)
}
