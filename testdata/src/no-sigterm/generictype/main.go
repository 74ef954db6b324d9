// A server started through a method of a generic type: the type
// argument's methods that the constraint names count as reached where
// the type is instantiated (found by the fuzz generator).
package main

import "net/http"

type server interface{ ListenAndServe() error }

type group[S server] struct{ s S }

func (g *group[S]) start() { g.s.ListenAndServe() }

func main() {
	g := &group[*http.Server]{s: &http.Server{Addr: ":8080"}} // want `server started via \(\*http.Server\).ListenAndServe never handles SIGTERM`
	g.start()
}
