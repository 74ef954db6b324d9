// Package shutdown defines an Analyzer that finds graceful stops which
// are cut short, never start draining, or outlast the stop timeout.
//
// # Analyzer shutdown
//
// shutdown: check that Shutdown drains, has a deadline, and fits in the stop timeout
//
// Handling SIGTERM is half of it. A server that calls Shutdown still drops
// requests on every deploy when the process exits while Shutdown drains,
// when Shutdown gets a context that is already cancelled, or when the
// drain takes longer than the orchestrator waits before SIGKILL.
//
// For each graceful stop ((*http.Server).Shutdown, fasthttp's
// ShutdownWithContext, or a function that hands its context to one, such
// as echo's Shutdown; grpc's GracefulStop, bounded only by a Stop after a
// timeout; a call of an exported function that stops with a context it
// makes without a deadline, such as fiber's Shutdown), in every package,
// it reports the first of
// cancelled-context, unbounded-shutdown and shutdown-timeout that
// applies. Independently, it reports exit-before-drain at a serve call
// whose return exits the process while a concurrent Shutdown drains.
//
// At a (*http.Server).Shutdown call it also follows the server to its
// literal and its handler's routes (net/http's ServeMux, gin, echo, chi,
// gorilla/mux), and reports the long-lived requests Shutdown cannot end:
// hijacked-not-closed when a handler hijacks the connection (a websocket)
// and nothing tells those connections of the stop, stream-blocks-drain
// when a handler streams in a loop that stops only on its request context
// (which Shutdown does not cancel) and nothing tells it.
//
// Libraries that drain under a bound of their own (fx's App.Run,
// controller-runtime's manager, hertz's Spin, echo v5's Start, fiber v3's
// Listen with a GracefulContext, endless, go-zero's servers, kratos's
// App.Run) are judged at the call that starts the drain: the bound the
// program configures there, else the library's default, against the
// stop timeout (shutdown-timeout), or unbounded-shutdown when the
// library waits without a deadline. A //sigtermlint:stops-within D
// declaration is judged the same way, at the directive.
//
// The stop timeout is, first that applies, a //sigtermlint:stop-timeout
// directive such as "//sigtermlint:stop-timeout 20s" in any file of
// package main (a malformed one is reported as bad-directive), the
// -sigtermlint.stop-timeout flag, the deployment files of the repository,
// the -sigtermlint.platform preset, else 30s (the ECS and Kubernetes
// default). Durations are resolved from constants, variables set once
// from a constant, and duration flag defaults; when a duration or context
// cannot be resolved, nothing that depends on it is reported.
//
// A "//sigtermlint:ignore CATEGORY reason" comment at the end of a line,
// or on the line above it, suppresses that line's finding. This analyzer
// reports, as bad-directive, the ignores that name no category, an
// unknown one or no reason, and those naming its categories that
// suppress none of its findings; the //sigtermlint: declarations
// (serves, handles, stops-within, manifest) that are malformed,
// misplaced or contradicted by the code; and unknown directive names.
//
// # Rules
//
// Each rule lives in the file named after its category (no-sigterm in
// no_sigterm.go), with its record (a ruledoc.Rule) from which the
// Analyzer's Doc lists it (sigtermlint help shutdown) and docs/rules.md is
// generated; its analysistest packages are in testdata/src/CATEGORY.
package shutdown
