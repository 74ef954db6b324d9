// Package sigterm defines an Analyzer that finds programs which start a
// server but do not stop it gracefully on SIGTERM.
//
// # Analyzer sigterm
//
// sigterm: check that a program that starts a server stops it gracefully on SIGTERM
//
// Kubernetes, ECS, docker and Cloud Run stop a container by sending
// SIGTERM, waiting a stop timeout (30s on Kubernetes and ECS, 10s for
// docker stop) and then sending SIGKILL. The Go runtime ends a program
// that does not handle SIGTERM the moment it arrives, with its requests in
// flight; one that traps SIGTERM but exits without draining cuts them off
// just the same.
//
// In a package main whose main function, init functions or package
// initialization reach a serve call (net/http, grpc, fasthttp, or any
// function that leads to one, such as gin's Run or echo's Start), it
// reports, once per serve call, the first of no-sigterm, sigint-only and
// no-shutdown that applies. With the deployment files of the repository
// (-sigtermlint.manifests), it also reports stop-signal and
// signal-not-delivered, once per program at func main.
//
// The analysis works across packages through facts. When what a program
// does depends on something it cannot resolve (a signal list it cannot
// evaluate), it reports nothing.
//
// A "//sigtermlint:ignore CATEGORY reason" comment at the end of a line,
// or on the line above it, suppresses that line's finding; one that
// suppresses none of this analyzer's findings is reported as
// bad-directive.
//
// # Rules
//
// Each rule lives in the file named after its category (no-sigterm in
// no_sigterm.go), with its record (a ruledoc.Rule) from which the
// Analyzer's Doc lists it (sigtermlint help sigterm) and docs/rules.md is
// generated; its analysistest packages are in testdata/src/CATEGORY.
package sigterm
