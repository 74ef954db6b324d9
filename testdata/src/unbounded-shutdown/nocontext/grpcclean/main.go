// Clean twins of nocontext/grpc: a Stop after a timeout bounds
// GracefulStop (time.AfterFunc, a goroutine that sleeps or waits on
// time.After first, a select on GracefulStop's end against time.After, a
// timer or a context with a deadline); a Stop whose time cannot be
// resolved says nothing; a GracefulStop nobody waits for is not
// reported.
package main

import (
	"context"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"google.golang.org/grpc"
)

func afterFunc(s *grpc.Server) {
	t := time.AfterFunc(10*time.Second, s.Stop)
	s.GracefulStop()
	t.Stop()
}

func afterFuncLit(s *grpc.Server) {
	time.AfterFunc(10*time.Second, func() { s.Stop() })
	s.GracefulStop()
}

func sleeper(s *grpc.Server) {
	go func() {
		time.Sleep(10 * time.Second)
		s.Stop()
	}()
	s.GracefulStop()
}

func afterChannel(s *grpc.Server) {
	go func() {
		<-time.After(10 * time.Second)
		s.Stop()
	}()
	s.GracefulStop()
}

func selectAfter(s *grpc.Server) {
	done := make(chan struct{})
	go func() {
		s.GracefulStop()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		s.Stop()
	}
}

func selectTimer(s *grpc.Server) {
	t := time.NewTimer(10 * time.Second)
	defer t.Stop()
	done := make(chan struct{})
	go func() {
		s.GracefulStop()
		close(done)
	}()
	select {
	case <-done:
	case <-t.C:
		s.Stop()
	}
}

func selectContext(s *grpc.Server) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	done := make(chan struct{})
	go func() {
		s.GracefulStop()
		close(done)
	}()
	select {
	case <-done:
	case <-ctx.Done():
		s.Stop()
	}
}

// unresolved: when force fires is unknown.
func unresolved(s *grpc.Server, force chan struct{}) {
	go func() {
		<-force
		s.Stop()
	}()
	s.GracefulStop()
}

// abandoned: nobody waits for either, so no GracefulStop is unbounded
// here; but main returns right after, while the second one drains.
func abandoned(s *grpc.Server, sigs chan os.Signal) {
	go func() {
		<-sigs
		s.GracefulStop()
	}()
	go s.GracefulStop() // want `abandoned returns while the drain it started in a goroutine runs, then main exits`
}

func main() {
	lis, _ := net.Listen("tcp", ":9090")
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	s := grpc.NewServer()
	go s.Serve(lis)
	<-sigs
	afterFunc(s)
	afterFuncLit(grpc.NewServer())
	sleeper(grpc.NewServer())
	afterChannel(grpc.NewServer())
	selectAfter(grpc.NewServer())
	selectTimer(grpc.NewServer())
	selectContext(grpc.NewServer())
	unresolved(grpc.NewServer(), nil)
	abandoned(grpc.NewServer(), sigs)
}
