// The server is started where the analysis cannot see (a plugin
// registry); lib.Serve declares it. Nothing handles SIGTERM.
package main

import "declare/lib"

var registry = map[string]func(){}

func main() {
	lib.Serve(registry) // want `server started via lib.Serve \(declared by //sigtermlint:serves\) never handles SIGTERM`
	lib.Plain(registry)
}
