package main

import "google.golang.org/grpc"

// stopGRPC declares 10s but nothing cuts GracefulStop short.
//
// want +2 `//sigtermlint:stops-within 10s on stopGRPC contradicts its GracefulStop at grpc.go:11, which has no deadline and no Stop after a timeout; the declaration is ignored`
//
//sigtermlint:stops-within 10s
func stopGRPC(s *grpc.Server) {
	s.GracefulStop() // want `GracefulStop has no deadline and nothing calls Stop after a timeout`
}

var _ = stopGRPC
