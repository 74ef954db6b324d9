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
// reports, once per serve call, the first that applies:
//
//   - no-sigterm: nothing reachable handles SIGTERM or SIGINT;
//   - sigint-only: SIGINT (os.Interrupt) is handled, SIGTERM is not; a
//     suggested fix adds syscall.SIGTERM to the signal list, or puts it in
//     place of os.Kill (SIGKILL, which cannot be caught), which a list
//     without SIGTERM almost always meant as SIGTERM (no-sigterm gets
//     that fix too);
//   - no-shutdown: SIGTERM is handled, but no graceful stop
//     ((*http.Server).Shutdown, (*grpc.Server).GracefulStop, fasthttp's
//     Shutdown, or a function that leads to one) is reachable anywhere in
//     the program.
//
// With the deployment files of the repository (-sigtermlint.manifests), it
// also reports, once per program at func main:
//
//   - stop-signal: a deployment stops the program with a signal it does
//     not handle, while it handles others;
//   - signal-not-delivered: a Dockerfile, an entrypoint script or a
//     container's sh -c command starts the program under a shell that
//     stays PID 1 and so never passes the stop signal on.
//
// The analysis works across packages through facts. When what a program
// does depends on something it cannot resolve (a signal list it cannot
// evaluate), it reports nothing.
//
// A "//sigtermlint:ignore CATEGORY reason" comment at the end of a line,
// or on the line above it, suppresses that line's finding; one that
// suppresses none of this analyzer's findings is reported as
// bad-directive.
package sigterm
