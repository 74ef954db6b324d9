// The program's signal handling and graceful stop are done by a
// framework the analysis cannot see through; package main declares them
// for the whole program.
package main

import "net/http"

//sigtermlint:handles SIGTERM,SIGINT
//sigtermlint:stops-within 15s

var hooks []func(*http.Server)

func main() {
	srv := &http.Server{Addr: ":8080"}
	for _, h := range hooks {
		h(srv)
	}
	srv.ListenAndServe()
}
