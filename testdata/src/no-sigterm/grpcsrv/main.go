// A grpc server without signal handling.
package main

import (
	"net"

	"google.golang.org/grpc"
)

func main() {
	lis, _ := net.Listen("tcp", ":9090")
	s := grpc.NewServer()
	s.Serve(lis) // want `server started via \(\*grpc.Server\).Serve never handles SIGTERM`
}
