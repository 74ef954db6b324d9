// The serve call sits in a helper of package main: the report is there.
package main

import (
	"net"
	"net/http"
)

func main() {
	lis, err := net.Listen("tcp", ":8080")
	if err != nil {
		panic(err)
	}
	serve(lis)
}

func serve(lis net.Listener) {
	srv := &http.Server{}
	go srv.Serve(lis) // want `server started via \(\*http.Server\).Serve never handles SIGTERM`
	select {}
}
