// A serve method passed as a value still starts the server.
package main

import "net/http"

func runAll(fns ...func() error) {
	for _, fn := range fns {
		go fn()
	}
}

func main() {
	srv := &http.Server{Addr: ":8080"}
	runAll(srv.ListenAndServe) // want `server started via \(\*http.Server\).ListenAndServe never handles SIGTERM`
	select {}
}
