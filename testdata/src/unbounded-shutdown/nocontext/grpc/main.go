// grpc's GracefulStop takes no context and waits for every RPC: with
// nothing that calls Stop after a timeout while it drains, a stuck
// stream holds the drain until SIGKILL.
package main

import (
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"google.golang.org/grpc"
)

func plain(s *grpc.Server, lis net.Listener, sigs chan os.Signal) {
	go s.Serve(lis)
	<-sigs
	s.GracefulStop() // want `GracefulStop has no deadline and nothing calls Stop after a timeout: a stuck RPC holds the drain until SIGKILL`
}

// stopAfter calls Stop only once GracefulStop has returned.
func stopAfter(s *grpc.Server) {
	s.GracefulStop() // want `GracefulStop has no deadline`
	s.Stop()
}

// deferredStop calls it at return: after GracefulStop too.
func deferredStop(s *grpc.Server) {
	defer s.Stop()
	s.GracefulStop() // want `GracefulStop has no deadline`
}

// waited drains in a goroutine whose end it waits for.
func waited(s *grpc.Server) {
	done := make(chan struct{})
	go func() {
		s.GracefulStop() // want `GracefulStop has no deadline`
		close(done)
	}()
	<-done
}

// deferred drains when serving returns.
func deferred(s *grpc.Server, lis net.Listener) {
	defer s.GracefulStop() // want `GracefulStop has no deadline`
	s.Serve(lis)
}

// otherServer's fallback stops another server.
func otherServer(a, b *grpc.Server) {
	go func() {
		time.Sleep(10 * time.Second)
		b.Stop()
	}()
	a.GracefulStop() // want `GracefulStop has no deadline`
}

// tooLate falls back to Stop after the stop timeout (the default 30s).
func tooLate(s *grpc.Server) {
	time.AfterFunc(40*time.Second, s.Stop)
	s.GracefulStop() // want `shutdown may take 40s but the stop timeout is 30s: SIGKILL cuts the drain short`
}

func main() {
	lis, _ := net.Listen("tcp", ":9090")
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	plain(grpc.NewServer(), lis, sigs)
	stopAfter(grpc.NewServer())
	deferredStop(grpc.NewServer())
	waited(grpc.NewServer())
	deferred(grpc.NewServer(), lis)
	otherServer(grpc.NewServer(), grpc.NewServer())
	tooLate(grpc.NewServer())
}
