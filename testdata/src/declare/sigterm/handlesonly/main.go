// SIGTERM handling is declared, a graceful stop is not.
package main

import "declare/lib"

var registry = map[string]func(){}

func main() {
	lib.Trap(registry)
	lib.Serve(registry) // want `server started via lib.Serve \(declared by //sigtermlint:serves\) cannot be shut down gracefully`
}
