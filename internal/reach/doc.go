// Package reach defines the fact-only analyzer that the sigterm and
// shutdown analyzers stand on: which functions of a program reach a serve
// call, signal handling and a graceful stop.
//
// # Analyzer sigtermreach
//
// sigtermreach: find what each function reaches: serving, signal handling, graceful stops
//
// For every function it records, as a fact, whether the function reaches
// (through calls, go and defer statements, function literals, and
// functions or methods passed or stored as values) a serve call of
// net/http, grpc or fasthttp, a signal.Notify or signal.NotifyContext and
// the signals it lists, or a graceful stop ((*http.Server).Shutdown,
// (*grpc.Server).GracefulStop, fasthttp's Shutdown). A concrete value
// converted to an interface declared outside the standard library counts
// as reaching the methods that interface exposes. For a package main it
// returns the whole program's view: what main, init functions and the
// initialization of every imported package reach, and where package main
// starts its servers. It reports nothing.
//
// It also exports a longlived.Fact for each function that, itself or
// through the functions it calls, hijacks the connection (a websocket
// upgrade), streams its response in a loop (and whether that loop stops
// only on its request context), reads a large request body, or closes a
// set of connections it keeps; its result's LongLived classifier reads
// the package's own functions and literals with their positions.
package reach
