// Package longlived finds the requests that outlive a graceful stop: the
// handlers a server serves that take over their connection (websockets,
// Hijack), stream their response in a loop (server-sent events, long
// polls), or read a large body, and the longest request each server
// allows.
//
// Two facts of net/http make these the place where graceful stops fail:
// (*http.Server).Shutdown neither closes nor waits for hijacked
// connections, so they are cut without a close frame when the process
// exits; and Shutdown does not cancel request contexts, so a stream that
// waits on its request context keeps Shutdown waiting until its deadline.
//
// What a function does is summarized in a Fact, exported by the
// sigtermreach analyzer for the functions that do something long-lived,
// directly or through the functions they call; a Classifier reads a
// package's own functions and literals with their positions. ServerOf
// follows a server from its literal to its handler, its routes and its
// timeouts, within the package that builds it; what it cannot follow
// makes the server incomplete, never a guess.
package longlived
