// grpc's Serve returns nil as soon as GracefulStop starts: log.Fatal then
// exits mid-drain.
package main

import (
	"log"
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
	log.Fatal(s.Serve(lis)) // want `log.Fatal exits as soon as the graceful stop starts \(Serve returns\)`
}
