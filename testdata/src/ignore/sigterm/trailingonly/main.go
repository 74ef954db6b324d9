// A trailing directive covers its own line, not the next one.
package main

import "net/http"

func main() {
	go http.ListenAndServe(":6060", nil) //sigtermlint:ignore no-sigterm the pprof side server needs no drain
	http.ListenAndServe(":8080", nil)    // want `server started via http.ListenAndServe never handles SIGTERM`
}
