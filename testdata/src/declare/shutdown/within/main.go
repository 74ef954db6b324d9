// stopAll declares a 40s graceful stop; the stop timeout is the default 30s.
package main

import "net/http"

var stops []func()

// stopAll runs the stop hooks a framework registered.
//
// want +2 `shutdown may take 40s but the stop timeout is 30s: SIGKILL cuts the drain short`
//
//sigtermlint:stops-within 40s
func stopAll() {
	for _, s := range stops {
		s()
	}
}

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	stopAll()
}
