// The declaration for the whole program names SIGINT only.
package main

import "net/http"

//sigtermlint:handles int
//sigtermlint:stops-within 15s

var hooks []func(*http.Server)

func main() {
	srv := &http.Server{Addr: ":8080"}
	for _, h := range hooks {
		h(srv)
	}
	srv.ListenAndServe() // want `server started via \(\*http.Server\).ListenAndServe handles SIGINT, not SIGTERM`
}
